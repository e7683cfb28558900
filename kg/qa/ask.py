"""Answer plain-English questions about the article from the graph, or say honestly that it cannot.

The pipeline, one step per function:

1. ``normalise`` the question (case, punctuation, apostrophes) and refuse bad input;
2. ``guard`` questions the article cannot answer whatever the entity (doses, personal advice,
   SPARQL pasted into the box);
3. recognise the relation, its direction and the answer kind with a small set of
   ``Template`` s — regular expressions over the normalised question, Quepy style, each with
   the named query it runs and an example question (a test runs every example);
4. link entity mentions to IRIs (``kg.qa.linking``) and fill the template's slot with a mention
   whose entity takes part in the relation (a "cause" slot needs something that has causes);
5. run the named query from ``queries/`` with the chosen IRIs **bound** as terms — nothing the
   user typed reaches a query — and turn rows into answers with their evidence quotes.

Defaults, documented: a question that names no entity but clearly asks about the article's
topic ("who is more at risk?", "when should I see a doctor?") is answered for the topic —
knee muscle spasm and muscle spasm together — but only when no unknown content word is left
over (so "what causes cancer?" abstains instead of answering for the topic).
"""

from __future__ import annotations

import contextvars
import re
import weakref
from dataclasses import dataclass, field
from typing import Callable

from kg.sparql import registry as named_queries
from kg.qa.linking import STOPWORDS, LabelIndex, Mention, label_index, tokens
from kg.namespaces import KG, KGO, local_path

MAX_QUESTION_CHARS = 500
TOPIC = (str(KG["knee-muscle-spasm"]), str(KG["muscle-spasm"]))
SOURCE_ANCHOR = "/source#q-{begin}-{end}"


class BadQuestion(ValueError):
    """The input is not a question we can read (empty, too long, binary); the web answers 400."""


# Words that may be left over in a question about the topic without naming anything unknown.
FILLER = frozenset("""common main usual usually typical typically often generally possible potential various different
other some all list name tell know say says said article according mention mentioned mentions listed give list please
thing things factor factor people person someone anyone one option ways way best good help really actually exactly
kind kinds type types sort most likely more less main major key important importance there exist exists happen
happens occur occurs occurring get getting feel feeling experience experiencing having suffer suffering treat
need needs cause lead make while during after before again time always sometime sometimes usually just
""".split())


# --- templates -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Option:
    """One named query a template may run, and what the slot entity must take part in."""

    query: str
    needs: tuple[str, ...] = ()  # relations (local names) the slot entity must be the subject of
    answer: str = ""  # answer variable of the query
    fixed: tuple[str, ...] = ()  # IRIs the template binds itself (no slot)


@dataclass(frozen=True)
class Template:
    """A relation pattern: the regex that recognises it and the named query that answers it."""

    name: str
    pattern: re.Pattern
    options: tuple[Option, ...]
    example: str
    slot_in_group: bool = False  # the entity must be inside the pattern's ``x`` group
    topic_default: bool = True  # with no entity named, answer for the article's topic
    answer_filter: Callable[[LabelIndex, str, str, str, str], bool] | None = None  # (index, iri, label, trigger, question)
    phrase: str = ""  # "what causes {}" for messages


def _t(name, pattern, options, example, phrase, **kw) -> Template:
    return Template(name, re.compile(pattern), tuple(options), example, phrase=phrase, **kw)


def _nutrient_filter(index: LabelIndex, iri: str, label: str, trigger: str, question: str) -> bool:
    """'which vitamins' keeps vitamins; 'which minerals' keeps the rest; 'nutrients' keeps all."""
    if trigger.startswith("vitamin"):
        return "vitamin" in label.lower()
    if trigger.startswith("mineral"):
        return "vitamin" not in label.lower()
    return True


_MEDICATION_WORDS = re.compile(r"\b(?:medications?|medicines?|drugs?|meds|pills|tablets)\b")


def _medication_filter(index: LabelIndex, iri: str, label: str, trigger: str, question: str) -> bool:
    """'What medications treat spasms?' keeps drugs and drug classes; other questions keep everything."""
    if not _MEDICATION_WORDS.search(question):
        return True
    return index.has_type(iri, "Drug", "DrugClass")


_CAUSE_VERB = (r"cause|causes|caused|causing|trigger|triggers|triggered|lead to|leads to|result in|results in|"
               r"bring on|brings on|make|makes|give|gives|contribute to|contributes to|produce|produces")

TEMPLATES: tuple[Template, ...] = (
    _t("warning-signs", r"\b(?:see|seeing|consult|consulting|visit|call|contact|talk to|go to|get to) (?:a |my |the |your )?"
       r"(?:doctor|gp|physician|healthcare professional|health care professional|medical professional|professional|hospital|er)\b"
       r"|\b(?:seek|seeking|get|need|needs|require|requires|warrant|warrants)(?: immediate| urgent| prompt)?(?: medical| professional)? "
       r"(?:attention|help|care)\b|\bmedical attention\b|\bwarning signs?\b|\bred flags?\b|\bworried\b|\bworry\b|\bserious\b|\bdangerous\b|\bconcerning\b",
       [Option("warning-signs", ("hasWarningSign",), "sign")],
       "When should I see a doctor about knee twitching?", "when {} needs a doctor"),
    _t("treatments-for-causes", r"\b(?:treat|treats|treating|treatment|treatments|address|addresses|addressing|fix|remed\w*|"
       r"manage|managing|tackle|deal with|help with)\b.*\b(?:causes?|reasons?|triggers?) (?:of|for|behind)\b",
       [Option("treatments-for-causes", ("causedBy",), "treatment")],
       "What treatments address the causes of knee twitching?", "which treatments address the causes of {}"),
    _t("self-care", r"\b(?:at home|home remed\w*|home treatments?|self[- ]care|myself|on my own)\b",
       [Option("examples-of", (), "example", (str(KG["self-care"]), str(KG["home-treatments"])))],
       "How can I treat muscle spasms at home?", "{}", topic_default=False),
    _t("lifestyle-changes", r"\b(?:non[- ]?medical|lifestyle|without (?:medication|medicine|drugs|pills))\b",
       [Option("examples-of", (), "example", (str(KG["lifestyle-changes"]),))],
       "What are the non-medical treatment options for knee twitching?", "{}", topic_default=False),
    _t("nutrients-linked", r"\b(?:vitamins?|minerals?|nutrients?|electrolytes?)\b",
       [Option("nutrients-linked", ("causedBy", "symptomOf", "treatedBy", "preventedBy"), "nutrient")],
       "Which vitamins are linked to twitching?", "which nutrients are involved in {}",
       answer_filter=_nutrient_filter),
    _t("medications-causing", r"\b(?:medications?|medicines?|drugs?|meds|pills|prescriptions?)\b.*\b(?:" + _CAUSE_VERB +
       r"|linked|associated|side effects?|responsible)\b|\b(?:" + _CAUSE_VERB + r")\b.*\b(?:medications?|medicines?|drugs?)\b",
       [Option("medications-causing", ("causedBy",), "drug")],
       "Which medications cause spasms?", "which medications cause {}"),
    _t("side-effects", r"\bside[- ]effects?\b|\badverse effects?\b",
       [Option("side-effects-of", ("hasSideEffect",), "effect"), Option("medications-causing", ("sideEffectOf",), "drug")],
       "What side effects do diuretics have?", "the side effects of {}", topic_default=False),
    _t("effects-of", r"\bwhat (?:can|does|do|could|might|may|will|would|is|are) (?P<x>.+?) (?:" + _CAUSE_VERB +
       r"|do to|contribute to|result in|lead)\b|\b(?:effects?|consequences?|results?) of (?P<x2>.+)|\bwhat happens (?:if|when)\b(?P<x3>.+)",
       [Option("effects-of", ("causes",), "effect")],
       "What can dehydration lead to?", "what {} leads to", slot_in_group=True, topic_default=False),
    _t("conditions-with-symptom", r"\b(?:what|which) (?:conditions?|diseases?|disorders?|illnesses?|problems?)\b"
       r"|\b(?:symptoms?|signs?) of what\b|\bwhat (?:is|are|can|could|might|may) (?P<x>.+?) (?:be )?(?:an? )?(?:early )?(?:symptoms?|signs?) of\b",
       [Option("conditions-with-symptom", ("symptomOf",), "condition"), Option("indications-of", ("indicates",), "condition")],
       "Which conditions have muscle twitching as a symptom?", "which conditions show {}", topic_default=False),
    _t("indications-of", r"\b(?:indicate|indicates|point to|points to|signal|signals|suggest|suggests|mean|means)\b",
       [Option("indications-of", ("indicates",), "condition"), Option("conditions-with-symptom", ("symptomOf",), "condition")],
       "What can swelling indicate?", "what {} may indicate", topic_default=False),
    _t("groups-at-risk", r"\bwho\b|\b(?:groups?|people|population|populations|individuals)\b.*\b(?:risk|susceptible|prone|likely|affected)\b"
       r"|\b(?:at|at higher|at increased|at greater|more at) risk\b|\b(?:susceptible|prone)\b",
       [Option("groups-at-risk", ("hasAtRiskGroup",), "group")],
       "Who is more at risk?", "who is at risk of {}"),
    _t("prevention-of", r"\b(?:prevent\w*|avoid\w*|stop (?:it|them|getting)|keep .+ from|reduce the (?:risk|frequency|chance)|"
       r"lower the (?:risk|chance)|less (?:likely|frequent|often)|from happening|protect)\b",
       [Option("prevention-of", ("preventedBy",), "measure")],
       "How can I prevent muscle spasms?", "how to prevent {}"),
    _t("risk-factors-for", r"\brisk factors?\b|\brisks?\b|\b(?:increase|increases|raise|raises) (?:the |my |your )?(?:risk|chance|likelihood)\b"
       r"|\bmore likely\b|\bpredispos\w*",
       [Option("risk-factors-for", ("hasRiskFactor",), "riskFactor")],
       "What are the risk factors for muscle spasms?", "the risk factors for {}"),
    _t("diagnosed-by", r"\bwhat (?:does|do|can|could|will) (?:an? |the )?(?P<x>.+?) (?:diagnose|detect|identify|show|reveal|find|test for)\b"
       r"|\bwhat (?:is|are) (?:an? |the )?(?P<x2>.+?) used (?:to|for) (?:diagnos\w*|detect\w*|identif\w*)",
       [Option("diagnosed-by", ("diagnoses",), "condition")],
       "What can a blood test detect?", "what {} can diagnose", slot_in_group=True, topic_default=False),
    _t("diagnosis-of", r"\b(?:diagnos\w*|tests?|tested|testing|detect\w*|identif\w*|confirm\w*|find out|checked|examin\w*|exam)\b",
       [Option("diagnosis-of", ("diagnosedBy",), "test")],
       "How is a vitamin deficiency diagnosed?", "how {} is diagnosed"),
    _t("treated-by", r"\bwhat (?:does|do|can|could|will|is|are) (?:an? |the )?(?P<x>.+?) (?:treat|treats|help|helps|help with|relieve|relieves|"
       r"ease|eases|used for|good for|address|addresses|alleviate|cure)\b|\bwhat (?:is|are) (?P<x2>.+?) (?:for|used for|good for)\b",
       [Option("treated-by", ("treats",), "condition")],
       "What does stretching help with?", "what {} treats", slot_in_group=True, topic_default=False),
    _t("treatments-for", r"\b(?:treat|treats|treated|treating|treatment|treatments|therap\w*|remed\w*|relie\w*|cure|cures|"
       r"help|helps|ease|alleviate|manage|managing|management|get rid of|stop|stops|fix|deal with|do about|do for|options|calm|soothe|"
       r"medications?|medicines?|drugs?)\b",
       [Option("treatments-for", ("treatedBy",), "treatment")],
       "How is knee twitching treated?", "how {} is treated", answer_filter=_medication_filter),
    _t("causes-of", r"\b(?:" + _CAUSE_VERB + r"|reason|reasons|why|behind|responsible for|contribut\w*|source|sources|origin|"
       r"come from|comes from|culprits?|due to)\b",
       [Option("causes-of", ("causedBy",), "cause")],
       "What can make my knee twitch?", "what causes {}"),
    _t("symptoms-of", r"\b(?:symptoms?|signs?|feel like|feels like|look like|looks like|manifest\w*|present\w*|characteri[sz]\w*)\b",
       [Option("symptoms-of", ("hasSymptom",), "symptom")],
       "What are the symptoms of muscle spasms?", "the symptoms of {}"),
    _t("examples-of", r"\b(?:examples?|kinds?|types?|forms?|such as|include|includes|what are some|which ones)\b",
       [Option("examples-of", ("hasExample",), "example")],
       "What are examples of stimulants?", "examples of {}", topic_default=False),
)


WARNING = next(t for t in TEMPLATES if t.name == "warning-signs")  # "should I see a doctor…" is not advice-seeking


# What a list answer is, for the message "Causes of knee muscle spasm named by the article (18):".
NOUNS = {
    "warning-signs": "warning signs that call for medical attention with {}",
    "treatments-for-causes": "treatments for the causes of {}",
    "nutrients-linked": "nutrients linked to {}",
    "medications-causing": "medications that can cause {}",
    "side-effects": "side effects of {}",
    "effects-of": "things {} can lead to",
    "conditions-with-symptom": "conditions that show {}",
    "indications-of": "conditions {} may indicate",
    "groups-at-risk": "groups at increased risk of {}",
    "prevention-of": "ways to prevent {}",
    "risk-factors-for": "risk factors for {}",
    "diagnosed-by": "conditions {} can help diagnose",
    "diagnosis-of": "ways to diagnose {}",
    "treated-by": "conditions {} can help with",
    "treatments-for": "treatments for {}",
    "causes-of": "causes of {}",
    "symptoms-of": "symptoms of {}",
    "examples-of": "examples of {}",
}


# Yes/no relations: the trigger, the relation family checked with fact-exists (first = reported).
@dataclass(frozen=True)
class YesNo:
    pattern: re.Pattern
    relations: tuple[str, ...]
    object_is_condition: bool = True  # with one entity, the object defaults to the topic


YES_NO: tuple[YesNo, ...] = tuple(YesNo(re.compile(p), tuple(r), c) for p, r, c in (
    (r"\bcaused by\b|\bdue to\b|\bresult of\b", ("causedBy", "sideEffectOf", "hasRiskFactor"), False),
    (r"\btreated (?:by|with)\b|\brelieved by\b", ("treatedBy",), False),
    (r"\bprevented (?:by|with)\b", ("preventedBy",), False),
    (r"\bdiagnosed (?:by|with|using|through)\b|\bdetected (?:by|with)\b", ("diagnosedBy",), False),
    (r"\bside[- ]effects? of\b", ("sideEffectOf",), False),
    (r"\b(?:symptoms?|signs?|manifestations?) (?:of|for)\b", ("symptomOf",), False),
    (r"\brisk factors? (?:of|for)\b|\b(?:increase|increases|raise|raises) (?:the )?risk\b", ("riskFactorFor",), True),
    (r"\b(?:at (?:a )?(?:higher|increased|greater|more) risk|more (?:likely|susceptible|prone)|susceptible|prone)\b",
     ("atIncreasedRiskOf",), True),
    (r"\b(?:prevent|prevents|avoid|avoids)\b", ("prevents",), True),
    (r"\b(?:diagnose|diagnoses|detect|detects|identify|identifies|test for)\b", ("diagnoses",), False),
    (r"\b(?:treat|treats|treatment for|relieve|relieves|ease|eases|cure|cures|alleviate|alleviates|"
     r"remedy for|fix|fixes|address|addresses)\b", ("treats",), True),
    (r"\b(?:help|helps|good for|work for|works for|stop|stops|reduce|reduces)\b", ("treats", "prevents"), True),
    (r"\b(?:have|has|show|shows|present with|come with|cause symptoms of)\b", ("hasSymptom",), False),
    (r"\b(?:deplete|depletes|lower|lowers)\b", ("depletes",), False),
    (r"\b(?:examples?|kinds?|types?|forms?) of\b", ("exampleOf", "formOf"), False),
    (r"\b(?:" + _CAUSE_VERB + r"|a cause of|causes? of|a trigger (?:of|for)|cause of|responsible for|linked to|link between|"
     r"associated with|related to|connected to|contribute|contributes|lead|leads)\b",
     ("causes", "hasSideEffect", "riskFactorFor"), True),
))

_YES_NO_START = re.compile(r"^(?:can|could|does|do|did|is|are|was|were|may|might|will|would|has|have|should) ")
_HOW_MECHANISM = re.compile(r"^how (?:can|does|do|could|might|may|is|are) (?P<x>.+?) (?:" + _CAUSE_VERB +
                            r"|contribute to|related to|linked to|affect|affects)\b(?P<y>.+)$")

# Guards: what the article cannot answer, whatever entity is named.
_DOSE = re.compile(r"\bhow (?:much|many\b.{0,40}\b(?:mg|milligrams?|grams?|pills?|tablets?|capsules?|cups?|glasses?|litres?|liters?|times|units?|doses?))\b"
                   r"|\bdos(?:e|es|age|ages|ing)\b|\bmg\b|\bmilligrams?\b|\bhow often should i (?:take|drink|use)\b|\bhow long should i\b|\bmax(?:imum)? amount\b")
_ADVICE = re.compile(r"^(?:should|shall|must) i\b|\bshould i (?:take|use|stop|start|buy|try)\b|\bis it (?:safe|ok|okay|dangerous|bad|fine)\b|\bdo i have\b|\bam i\b|\bwill i\b"
                     r"|\bcan i (?:take|use|drink|eat|combine|mix|give|stop)\b|\bwhich (?:brand|product)\b|\bbest brand\b|\bbuy\b|\bprice\b|\bcost\b")
_SPARQL = re.compile(r"[{}]|<\s*(?:https?|urn):|\b(?:select|construct|describe)\b.*\bwhere\b|\bprefix\s+\w*:|\binsert\b.*\bdata\b|\bdrop\s+graph\b",
                     re.IGNORECASE)
_COUNT = re.compile(r"^how many\b|\bnumber of\b|\bcount\b")


# --- answers ---------------------------------------------------------------------------------

@dataclass
class Answer:
    """The reply to one question, as the API returns it (``to_dict``)."""

    question: str
    answered: bool = False
    kind: str = "abstain"
    answers: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    count: int | None = None
    query: dict | None = None
    evidence: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    message: str = ""
    template: str | None = None
    entities: list[dict] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt relation word -> the word read

    def to_dict(self) -> dict:
        return {"question": self.question, "answered": self.answered, "kind": self.kind, "answers": self.answers,
                "boolean": self.boolean, "count": self.count, "query": self.query, "evidence": self.evidence,
                "suggestions": self.suggestions, "message": self.message, "template": self.template,
                "entities": self.entities, "corrections": self.corrections}


@dataclass
class Context:
    """What answering needs from one store, computed once: labels and the evidence statements."""

    store: object
    index: LabelIndex
    statements: dict[tuple[str, str, str], list[dict]]  # (a, b, quote) -> statements linking a and b
    broader: dict[str, list[str]] = field(default_factory=dict)  # entity -> what it is a form of (kgo:formOf)
    by_quote: dict[str, list[dict]] = field(default_factory=dict)  # quote -> the statements it grounds

    _STATEMENTS = """
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX kgo: <https://w3id.org/kneekg/ontology/>
    SELECT ?s ?p ?o ?quote ?begin ?end WHERE {
      ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:value ?quote ; kgo:beginIndex ?begin ; kgo:endIndex ?end .
    }"""

    _BROADER = "SELECT ?e ?b WHERE { ?e <https://w3id.org/kneekg/ontology/formOf> ?b }"

    @classmethod
    def build(cls, store) -> "Context":
        statements: dict[tuple[str, str, str], list[dict]] = {}
        by_quote: dict[str, list[dict]] = {}
        for row in store.query(cls._STATEMENTS):
            s, p, o, quote = row["s"].value, row["p"].value, row["o"].value, row["quote"].value
            item = {"subject": s, "relation": p, "object": o, "quote": quote,
                    "begin": int(row["begin"].value), "end": int(row["end"].value)}
            for key in ((s, o, quote), (o, s, quote)):
                statements.setdefault(key, []).append(item)
            by_quote.setdefault(quote, []).append(item)
        broader: dict[str, list[str]] = {}
        for row in store.query(cls._BROADER):
            broader.setdefault(row["e"].value, []).append(row["b"].value)
        return cls(store, label_index(store), statements, broader, by_quote)


_contexts: "weakref.WeakKeyDictionary[object, Context]" = weakref.WeakKeyDictionary()


def context(store) -> Context:
    try:
        return _contexts[store]
    except KeyError:
        ctx = _contexts[store] = Context.build(store)
        return ctx


# The words that name relations in the templates; a misspelling of one ("tret", "symptons") is read
# as the word, so that typos in the relation are forgiven as they are in entity names.
RELATION_WORDS = frozenset("""cause causes caused causing trigger triggers reason reasons treat treats treated treating
treatment treatments therapy therapies remedy remedies relieve relief cure help helps symptom symptoms sign signs
prevent prevents prevention avoid diagnose diagnosed diagnosis test tests detect risk risks factor factors effect
effects side doctor physician attention warning serious worried indicate indicates example examples medication
medications vitamins minerals nutrients susceptible happen""".split())
RELATION_WORD_CUTOFF = 80
# Ordinary words a letter away from a relation word ("in case of", "a curse").
NOT_TYPOS = frozenset("case cases curse curses sighs sigh waning taste tastes trees treaty".split())


def correct_relation_words(text: str, vocabulary: frozenset[str]) -> tuple[str, dict[str, str]]:
    """Replace near misspellings of relation words; leave known words, short words and numbers alone."""
    from rapidfuzz import fuzz, process

    words, corrections = text.split(), {}
    for i, word in enumerate(words):
        if (len(word) < 4 or word in STOPWORDS or word in FILLER or word in RELATION_WORDS or word in vocabulary
                or any(c.isdigit() for c in word)):
            continue
        best = process.extractOne(word, RELATION_WORDS, scorer=fuzz.ratio, score_cutoff=RELATION_WORD_CUTOFF)
        if not best or best[0][0] != word[0] or abs(len(best[0]) - len(word)) > 2 or word in NOT_TYPOS:
            continue
        stem = re.sub(r"(?:ing|ed|es|s)$", "", word)
        if not word.startswith(best[0]) and not (len(stem) >= 4 and best[0].startswith(stem)):  # inflections are no typos
            corrections[word] = words[i] = best[0]
    return " ".join(words), corrections


def normalise(question) -> str:
    """Check the raw input and return it trimmed; raise ``BadQuestion`` for what is not a question."""
    if isinstance(question, bytes):
        try:
            question = question.decode("utf-8")
        except UnicodeDecodeError:
            raise BadQuestion("the question is not UTF-8 text") from None
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    question = question.strip()
    if not question:
        raise BadQuestion("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadQuestion(f"question too long ({len(question)} characters, at most {MAX_QUESTION_CHARS})")
    if "\x00" in question or sum(1 for c in question if ord(c) < 32 and c not in "\t\n\r") > 0:
        raise BadQuestion("the question contains control characters (binary input?)")
    return question


def _lower(label: str) -> str:
    """Lower-case a label's first letter for use inside a sentence, unless it is an acronym ("ALS")."""
    return label[0].lower() + label[1:] if len(label) > 1 and not label[1].isupper() else label


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _entity(ctx: Context, iri: str) -> dict:
    from_links = _local_path(iri)
    return {"iri": iri, "label": ctx.index.labels.get(iri, _local(iri)), "url": from_links}


def _local_path(iri: str) -> str:
    return local_path(iri)


def _span_tokens(text: str, start: int, end: int) -> set[int]:
    """Token positions of the normalised text covered by the character span [start, end)."""
    before = len(text[:start].split())
    inside = len(text[start:end].split()) or 1
    if start > 0 and text[start - 1] != " " and before:
        before -= 1
        inside += 1
    return set(range(before, before + inside))


def _with_values(sparql: str, bindings: dict[str, list[str]]) -> str:
    """The named query with its bound IRIs written as a VALUES block, for the query editor."""
    block = "".join(f"\n  VALUES ?{name} {{ {' '.join(f'<{iri}>' for iri in iris)} }}" for name, iris in bindings.items())
    match = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if not match:
        return sparql
    return sparql[:match.end()] + block + sparql[match.end():]


def _query_info(name: str, bindings: dict[str, list[str]]) -> dict:
    query = named_queries.registry()[name]
    return {"name": name, "summary": query.summary, "sparql": query.sparql,
            "bindings": {k: v for k, v in bindings.items()},
            "sparql_with_values": _with_values(_without_header(query.sparql), bindings)}


def _without_header(sparql: str) -> str:
    """The query without its ``#+`` header, but with its summary as a comment."""
    lines = sparql.splitlines()
    summary = next((line[2:].partition(":")[2].strip() for line in lines if line.startswith("#+ summary:")), "")
    body = [line for line in lines if not line.startswith("#+")]
    return "\n".join(([f"# {summary}"] if summary else []) + body) + "\n"


def _evidence_item(ctx: Context, statement: dict) -> dict:
    labels = ctx.index.labels
    return {"quote": statement["quote"], "subject": statement["subject"], "relation": statement["relation"],
            "object": statement["object"], "subject_label": labels.get(statement["subject"], _local(statement["subject"])),
            "relation_label": _local(statement["relation"]), "object_label": labels.get(statement["object"], _local(statement["object"])),
            "begin": statement["begin"], "end": statement["end"],
            "source": SOURCE_ANCHOR.format(begin=statement["begin"], end=statement["end"])}


# --- the pipeline ------------------------------------------------------------------------------

def ask(store, question) -> Answer:
    """Answer ``question`` from ``store``; raise ``BadQuestion`` for unreadable input."""
    raw = normalise(question)
    ctx = context(store)
    answer = Answer(question=raw)
    text = " ".join(tokens(raw))
    if _SPARQL.search(raw):
        answer.message = ("The article does not say: this box takes questions in plain English. "
                          "Use the query editor (/query) to run SPARQL.")
        return answer
    if not text:
        answer.message = "The article does not say: the question has no words I can read."
        return answer
    if _DOSE.search(text) and "adjust" not in text:
        answer.message = ("The article does not say how much of anything to take: it gives no doses or amounts. "
                          "Follow the product's directions or ask a pharmacist or doctor.")
        return answer
    text, corrections = correct_relation_words(text, ctx.index.vocabulary)
    answer.corrections = corrections
    mentions, near = ctx.index.link(text)
    answer.entities = [m.to_dict() for m in mentions]
    if _ADVICE.search(text) and not WARNING.pattern.search(text):
        answer.message = "The article does not say: it gives general information, not personal medical advice."
        answer.suggestions = _suggest(ctx, mentions, near, text)
        return answer
    count = bool(_COUNT.search(text))
    if _RELATED.search(text) and not count:
        named = list(dict.fromkeys(m.iri for m in mentions))
        if len(named) == 2:
            return _ask_related(ctx, answer, named[0], named[1])
    if _YES_NO_START.match(text) and not count:
        result = _ask_yes_no(ctx, answer, text, mentions)
        if result is not None:
            return result
    if _YES_NO_START.match(text) and not count and not WARNING.pattern.search(text) \
            and _leftover(text, mentions, set(), relation_words=True):
        return _abstain(ctx, answer, text, mentions, near)
    match = _HOW_MECHANISM.match(text)
    if match and not count:
        result = _ask_yes_no(ctx, answer, text, mentions, force=YES_NO[-1])
        if result is not None:
            return result
    return _ask_list(ctx, answer, text, mentions, near, count)


def _leftover(text: str, mentions: list[Mention], trigger: set[int], relation_words: bool = False) -> list[str]:
    """Content words the question uses that neither name an entity nor the relation.

    With ``relation_words``, words that any template or yes/no relation recognises also count
    as known (the trigger is not known yet).
    """
    covered = set(trigger)
    for m in mentions:
        covered |= set(range(m.start, m.end))
    patterns = [t.pattern for t in TEMPLATES] + ([y.pattern for y in YES_NO] if relation_words else [])
    return [w for i, w in enumerate(text.split())
            if i not in covered and w not in STOPWORDS and w not in FILLER and not w.isdigit()
            and not (len(w) > 2 and any(p.search(w) for p in patterns))]


def _fits(ctx: Context, iri: str, option: Option) -> bool:
    return not option.needs or bool(ctx.index.outgoing.get(iri, frozenset()).intersection(option.needs))


def _ask_list(ctx: Context, answer: Answer, text: str, mentions: list[Mention], near: list[Mention], count: bool) -> Answer:
    plans = []  # (template, option, iris, trigger tokens, trigger text)
    for template in TEMPLATES:
        for match in template.pattern.finditer(text):
            trigger = _span_tokens(text, match.start(), match.end())
            groups = [g for g in ("x", "x2", "x3") if g in template.pattern.groupindex and match.group(g)]
            if groups:
                g = groups[0]
                group_tokens = _span_tokens(text, match.start(g), match.end(g))
                trigger = trigger - group_tokens
            else:
                group_tokens = None
            if groups and all(w in STOPWORDS for w in text[match.start(groups[0]):match.end(groups[0])].split()):
                continue
            # A trigger inside a longer entity name ("vitamin" in "vitamin D deficiency") is no trigger.
            if not template.options[0].fixed and any(set(range(m.start, m.end)) > trigger and set(range(m.start, m.end)) & trigger for m in mentions):
                continue
            slot = [m for m in mentions if not set(range(m.start, m.end)) & trigger]
            if template.slot_in_group:
                if group_tokens is None:
                    continue
                slot = [m for m in slot if set(range(m.start, m.end)) <= group_tokens]
            trigger_text = match.group(0)
            plan = _plan(ctx, template, slot, text, mentions, trigger, trigger_text)
            if plan:
                plans.append(plan)
                break
        if plans:
            break
    if not plans:
        return _abstain(ctx, answer, text, mentions, near)
    template, option, iris, trigger, trigger_text, unfit = plans[0]
    # "causes and risk factors", "diagnosed and treated": a second relation joined by "and".
    second = _second_plan(ctx, text, mentions, plans[0]) if " and " in text else None
    if unfit:
        subject = _lower(ctx.index.labels.get(unfit, _local(unfit)))
        answer.template = template.name
        answer.message = f"The article does not say {template.phrase.format(subject)}."
        answer.query = _query_info(option.query, {named_queries.registry()[option.query].params[0].name: [unfit]})
        answer.suggestions = _suggest(ctx, [m for m in mentions if m.iri == unfit], near, text)
        return answer
    rows = _run_list(ctx, option, iris, template, trigger_text, text)
    queries_run = [(option, iris)]
    if second:
        s_template, s_option, s_iris, _, s_trigger_text, s_unfit = second
        if not s_unfit:
            rows += _run_list(ctx, s_option, s_iris, s_template, s_trigger_text, text)
            queries_run.append((s_option, s_iris))
    seen = {}
    for iri, ev in rows:
        entry = seen.setdefault(iri, [])
        entry.extend(e for e in ev if e not in entry)
    answer.template = template.name
    param = named_queries.registry()[option.query].params[0].name
    answer.query = _query_info(option.query, {param: list(iris)})
    if len(queries_run) > 1:
        answer.query["also"] = [_query_info(o.query, {named_queries.registry()[o.query].params[0].name: list(i)})
                                for o, i in queries_run[1:]]
    subject = " and ".join(_lower(ctx.index.labels.get(i, _local(i))) for i in iris) if not option.fixed else "that"
    if not seen:
        answer.message = f"The article does not say {template.phrase.format(subject)}."
        return answer
    answer.answered = True
    answer.kind = "count" if count else "list"
    answer.answers = [_entity(ctx, iri) for iri in seen]
    answer.answers.sort(key=lambda a: a["label"].lower())
    if count:
        answer.count = len(answer.answers)
    evidence = []
    for ev in seen.values():
        evidence.extend(e for e in ev if e not in evidence)
    answer.evidence = [_evidence_item(ctx, e) for e in sorted(evidence, key=lambda e: (e["begin"], e["subject"], e["object"]))]
    if option.fixed:
        what = "examples of " + " and ".join(_lower(ctx.index.labels.get(i, _local(i))) for i in iris)
    else:
        what = NOUNS.get(template.name, "answers about {}").format(subject)
    if len(queries_run) > 1:
        what += " and " + NOUNS.get(second[0].name, "answers about {}").format(subject)
    answer.message = f"{what[0].upper()}{what[1:]} named by the article ({len(answer.answers)}):"
    return answer


def _plan(ctx: Context, template: Template, slot: list[Mention], text: str, mentions, trigger, trigger_text):
    """Choose the option and entity a template runs with, or None if it cannot apply."""
    for option in template.options:
        if option.fixed:
            return (template, option, option.fixed, trigger, trigger_text, None)
        fitting = [m for m in slot if _fits(ctx, m.iri, option)]
        if fitting:
            best = sorted(fitting, key=lambda m: (-m.length, -m.score, m.start))[0]
            same = [m.iri for m in fitting if (m.start, m.end) == (best.start, best.end)]
            return (template, option, tuple(dict.fromkeys(same)), trigger, trigger_text, None)
    if slot:
        # An entity is named but takes no part in this relation: an honest "does not say".
        best = sorted(slot, key=lambda m: (-m.length, -m.score, m.start))[0]
        if template.options[0].needs and not any(_fits(ctx, m.iri, o) for m in slot for o in template.options):
            return (template, template.options[0], (best.iri,), trigger, trigger_text, best.iri)
        return None
    if template.topic_default and not _leftover(text, mentions, trigger):
        option = template.options[0]
        iris = tuple(i for i in TOPIC if _fits(ctx, i, option)) or TOPIC
        return (template, option, iris, trigger, trigger_text, None)
    return None


def _second_plan(ctx: Context, text: str, mentions, first):
    template, option, iris, trigger, _, _ = first
    words = text.split()
    for other in TEMPLATES:
        if other is template or other.slot_in_group or any(o.fixed for o in other.options):
            continue
        for match in other.pattern.finditer(text):
            t = _span_tokens(text, match.start(), match.end())
            if t & trigger:
                continue
            lo, hi = sorted((min(t), min(trigger)))
            if "and" not in words[lo:hi + 1]:
                continue
            for opt in other.options:
                fitting = [i for i in iris if _fits(ctx, i, opt)]
                if fitting and opt.query != option.query:
                    return (other, opt, tuple(fitting), t, match.group(0), None)
    return None


def _run_list(ctx: Context, option: Option, iris, template: Template, trigger_text: str,
              question: str = "") -> list[tuple[str, list[dict]]]:
    query = named_queries.registry()[option.query]
    param = query.params[0].name
    label_var = option.answer + "Label"
    rows = []
    for iri in iris:
        for row in named_queries.run(ctx.store, query, {param: iri}):
            target = row[option.answer].value
            label = row[label_var].value if row[label_var] is not None else ""
            if template.answer_filter and not template.answer_filter(ctx.index, target, label, trigger_text, question):
                continue
            if target in iris and not option.fixed:
                continue
            evidence = []
            quote = row["quote"]
            if quote is not None:
                # The statements this quote grounds between the row's own nodes (answer, asked entity,
                # and the intermediate ones of two-hop queries: the cause, the "via", the deficiency).
                involved = {target, iri} | {row[v].value for v in ("via", "cause", "deficiency")
                                            if f"?{v}" in query.sparql and row[v] is not None}
                evidence = [st for st in ctx.by_quote.get(quote.value, [])
                            if st["subject"] in involved and st["object"] in involved]
            rows.append((target, evidence))
    return rows


def _ask_yes_no(ctx: Context, answer: Answer, text: str, mentions: list[Mention], force: YesNo | None = None):
    """Answer "can X cause Y?" with fact-exists; None if the question is not a yes/no about a relation."""
    for yes_no in ((force,) if force else YES_NO):
        match = yes_no.pattern.search(text)
        if not match:
            continue
        trigger = _span_tokens(text, match.start(), match.end())
        if any(set(range(m.start, m.end)) > trigger and set(range(m.start, m.end)) & trigger for m in mentions):
            continue
        ents = [m for m in mentions if not set(range(m.start, m.end)) & trigger]
        before = [m for m in ents if m.end <= min(trigger)]
        after = [m for m in ents if m.start > max(trigger)]
        if before:
            subject, objects = before[0], [m.iri for m in before[1:]] + [m.iri for m in after]
        elif len(after) >= 2:
            subject, objects = after[0], [m.iri for m in after[1:]]
        else:
            return None
        if not objects:
            if not yes_no.object_is_condition or _leftover(text, mentions, trigger):
                return None
            objects = list(TOPIC)
        objects = [o for o in dict.fromkeys(objects) if o != subject.iri]
        if not objects:
            return None
        return _check_facts(ctx, answer, subject.iri, yes_no.relations, objects)
    return None


_RELATED = re.compile(r"\b(?:links?|connections?|relationships?|relations?|associations?) between\b")


def _ask_related(ctx: Context, answer: Answer, a: str, b: str) -> Answer:
    """'Is there a link between X and Y?': yes if the graph relates them directly, with every such fact."""
    query = named_queries.registry()["neighbourhood"]
    relations = sorted({row["relation"].value for row in named_queries.run(ctx.store, query, {"entity": a})
                        if row["neighbour"].value == b and row["direction"].value == "out"})
    answer.template = "related"
    answer.kind = "boolean"
    answer.answered = True
    answer.boolean = bool(relations)
    answer.answers = [_entity(ctx, a), _entity(ctx, b)]
    answer.query = _query_info("neighbourhood", {"entity": [a]})
    labels = ctx.index.labels
    if not relations:
        answer.message = (f"No — the article does not say so: it states no direct link between "
                          f"{labels.get(a)} and {_lower(labels.get(b, _local(b)))}.")
        return answer
    evidence_query = named_queries.registry()["evidence"]
    evidence, phrases = [], []
    for relation in relations:
        rows = list(named_queries.run(ctx.store, evidence_query, {"subject": a, "relation": relation, "object": b}))
        if not rows:
            continue  # an inferred inverse whose asserted direction is reported under the other relation
        phrases.append(_phrase(_local(relation)))
        for row in rows:
            item = {"subject": row["assertedSubject"].value, "relation": row["assertedRelation"].value,
                    "object": row["assertedObject"].value, "quote": row["quote"].value,
                    "begin": int(row["begin"].value), "end": int(row["end"].value)}
            if item not in evidence:
                evidence.append(item)
    answer.evidence = [_evidence_item(ctx, e) for e in evidence]
    answer.message = (f"Yes: {labels.get(a)} " + "; and ".join(dict.fromkeys(phrases or [_phrase(_local(relations[0]))]))
                      + f" {_lower(labels.get(b, _local(b)))}.")
    return answer


def _check_facts(ctx: Context, answer: Answer, subject: str, relations: tuple[str, ...], objects: list[str]) -> Answer:
    exists = named_queries.registry()["fact-exists"]
    found = []
    for obj in objects:
        for relation in relations:
            values = {"subject": subject, "relation": str(KGO[relation]), "object": obj}
            if named_queries.run(ctx.store, exists, values):
                found.append(values)
                break
    shown = found[0] if found else {"subject": subject, "relation": str(KGO[relations[0]]), "object": objects[0]}
    answer.query = _query_info("fact-exists", {k: [v] for k, v in shown.items()})
    answer.template = "fact-exists"
    answer.kind = "boolean"
    answer.answered = True
    answer.boolean = bool(found)
    labels = ctx.index.labels
    answer.answers = [_entity(ctx, i) for i in [subject, *objects]]
    if not found:
        answer.message = (f"No — the article does not say so: it does not state that {labels.get(subject)} "
                          f"{_phrase(relations[0])} {' or '.join(_lower(labels.get(o, _local(o))) for o in objects)}.")
        # Honest but helpful: the article may say it of the broader condition ("muscle spasm").
        for obj in objects:
            for parent in ctx.broader.get(obj, []):
                for relation in relations:
                    values = {"subject": subject, "relation": str(KGO[relation]), "object": parent}
                    if named_queries.run(ctx.store, exists, values):
                        answer.message += (f" It does say that {labels.get(subject)} {_phrase(relation)} "
                                           f"{_lower(labels.get(parent, _local(parent)))}, of which "
                                           f"{_lower(labels.get(obj, _local(obj)))} is a form.")
                        break
        return answer
    evidence_query = named_queries.registry()["evidence"]
    evidence = []
    for values in found:
        for row in named_queries.run(ctx.store, evidence_query, values):
            evidence.append({"subject": row["assertedSubject"].value, "relation": row["assertedRelation"].value,
                             "object": row["assertedObject"].value, "quote": row["quote"].value,
                             "begin": int(row["begin"].value), "end": int(row["end"].value)})
    answer.evidence = [_evidence_item(ctx, e) for e in evidence]
    answer.message = "Yes: " + "; ".join(f"{labels.get(v['subject'])} {_phrase(_local(v['relation']))} {_lower(labels.get(v['object']))}"
                                         for v in found) + "."
    return answer


_PHRASES = {"causes": "can cause", "causedBy": "can be caused by", "hasSideEffect": "has the side effect",
            "sideEffectOf": "is a side effect of", "riskFactorFor": "is a risk factor for", "hasRiskFactor": "has the risk factor",
            "treats": "can help with", "treatedBy": "can be treated with", "prevents": "can help prevent",
            "preventedBy": "can be prevented by", "diagnoses": "can help diagnose", "diagnosedBy": "can be diagnosed by",
            "symptomOf": "is a symptom of", "hasSymptom": "has the symptom", "atIncreasedRiskOf": "are at increased risk of",
            "depletes": "depletes", "exampleOf": "is an example of", "formOf": "is a form of"}


def group_evidence(evidence: list[dict]) -> list[dict]:
    """One entry per quoted passage, with every fact it grounds (a sentence often states several)."""
    groups: dict[tuple[int, int], dict] = {}
    for e in evidence:
        group = groups.setdefault((e["begin"], e["end"]), {"quote": e["quote"], "begin": e["begin"], "end": e["end"],
                                                           "source": e["source"], "facts": []})
        fact = f"{e['subject_label']} — {e['relation_label']} — {e['object_label']}"
        if fact not in group["facts"]:
            group["facts"].append(fact)
    return sorted(groups.values(), key=lambda g: g["begin"])


def render_text(answer: Answer, show_sparql: bool = False) -> str:
    """The answer as a terminal reads it: the message, the answers, the evidence, the query."""
    lines = [answer.message]
    for item in answer.answers if answer.kind in ("list", "count") else []:
        lines.append(f"  - {item['label']}  <{item['iri']}>")
    passages = group_evidence(answer.evidence)
    if passages:
        lines.append("Evidence from the article:")
        for ev in passages[:12]:
            lines.append(f"  “{ev['quote']}” [characters {ev['begin']}–{ev['end']}]")
        if len(passages) > 12:
            lines.append(f"  … and {len(passages) - 12} more passages")
    for suggestion in answer.suggestions:
        lines.append(f"Did you mean: {suggestion['text'] if suggestion['kind'] == 'question' else suggestion['label']}?")
    if answer.query:
        lines.append(f"Named query: {answer.query['name']} "
                     + " ".join(f"{k}={','.join(v)}" for k, v in answer.query["bindings"].items()))
        if show_sparql:
            lines.append(answer.query["sparql_with_values"])
    return "\n".join(lines)


def _phrase(relation: str) -> str:
    return _PHRASES.get(relation, relation)


_RELATION_QUESTIONS = (("causedBy", "What causes {}?"), ("causes", "What can {} lead to?"),
                       ("hasSymptom", "What are the symptoms of {}?"), ("symptomOf", "What is {} a symptom of?"),
                       ("treatedBy", "How is {} treated?"), ("treats", "What does {} help with?"),
                       ("hasRiskFactor", "What are the risk factors for {}?"), ("hasAtRiskGroup", "Who is at risk of {}?"),
                       ("diagnosedBy", "How is {} diagnosed?"), ("diagnoses", "What can {} detect?"),
                       ("preventedBy", "How can {} be prevented?"), ("hasWarningSign", "When should I see a doctor about {}?"),
                       ("hasSideEffect", "What side effects do {} have?"), ("hasExample", "What are examples of {}?"),
                       ("indicates", "What can {} indicate?"))


_CHECKING_SUGGESTION = contextvars.ContextVar("checking_suggestion", default=False)


def _suggest(ctx: Context, mentions: list[Mention], near: list[Mention], text: str = "") -> list[dict]:
    """"Did you mean" entries: near-miss entities (and the question with the name corrected), and
    questions the graph can answer about the entities named."""
    out: list[dict] = []
    words = text.split()
    for m in near[:3]:
        out.append({"kind": "entity", "text": m.text, "iri": m.iri, "label": m.label, "url": _local_path(m.iri),
                    "score": round(m.score, 1)})
        if words and not _CHECKING_SUGGESTION.get():
            fixed = " ".join(words[:m.start] + [_lower(m.label)] + words[m.end:])
            fixed = fixed[0].upper() + fixed[1:] + "?"
            token = _CHECKING_SUGGESTION.set(True)
            try:
                answerable = ask(ctx.store, fixed).answered  # offer the corrected question only if it has an answer
            finally:
                _CHECKING_SUGGESTION.reset(token)
            if answerable:
                out.append({"kind": "question", "text": fixed, "iri": m.iri, "label": m.label})
    for m in mentions[:2]:
        relations = ctx.index.outgoing.get(m.iri, frozenset())
        for relation, question in _RELATION_QUESTIONS:
            if relation in relations:
                out.append({"kind": "question", "text": question.format(m.label.lower() if m.label.isalpha() or " " in m.label else m.label),
                            "iri": m.iri, "label": m.label})
            if len([o for o in out if o["kind"] == "question"]) >= 4:
                break
    return out


def _abstain(ctx: Context, answer: Answer, text: str, mentions, near) -> Answer:
    unknown = _leftover(text, mentions, set(), relation_words=True)
    if mentions and unknown:
        names = ", ".join(dict.fromkeys(m.label for m in mentions))
        answer.message = (f"The article does not say anything about “{' '.join(unknown[:6])}” "
                          f"(it does mention {names}).")
    elif mentions:
        names = ", ".join(dict.fromkeys(m.label for m in mentions))
        answer.message = f"The article does not say: I found {names}, but not a relationship I can answer about it."
    else:
        unknown = _leftover(text, mentions, set())
        answer.message = ("The article does not say" + (f" anything about “{' '.join(unknown[:6])}”." if unknown else "."))
    answer.suggestions = _suggest(ctx, mentions, near, text)
    return answer


def examples() -> list[str]:
    """One example question per template (shown on the /ask page, run by the tests)."""
    return [t.example for t in TEMPLATES] + ["When should I see a doctor?", "Can caffeine cause knee twitching?",
                                              "Is ibuprofen a cause of knee twitching?", "How many causes of knee twitching are there?"]
