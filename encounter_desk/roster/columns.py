"""The roster's vocabulary: which header means which field, and how cell values are read.

Pure functions, no database: headers in English or Spanish (case, accents and punctuation
ignored), category / gender / yes-no words, Spanish compound surnames, and the rules that
put a participant without a country into a non-country group.  See ``docs/roster.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from encounter_desk.core import names as text
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, in_language
from encounter_desk.storage.models import CATEGORY_LABELS, Category, DelegationKind, Gender

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# "Jefe(a) de delegación", "Nombre(s)", "Diputado(a)": the gender/plural ending in brackets.
_BRACKET_ENDING = re.compile(r"\((?:a|as|o|os|s|es)\)")


def norm(value: str | None) -> str:
    """Header/word key: folded, bracketed endings dropped, punctuation to single spaces."""
    folded = _BRACKET_ENDING.sub("", text.fold(value))
    return _NON_ALNUM.sub(" ", folded).strip()


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # English header, marked for translation (context "RosterHeader")
    aliases: tuple[str, ...]


# Order = the column order of exports and templates.
FIELDS: tuple[Field, ...] = (
    Field("title", QT_TRANSLATE_NOOP("RosterHeader", "Title"),
          ("title", "tratamiento", "titulo", "honorific", "salutation", "prefix", "trato")),
    Field("given_names", QT_TRANSLATE_NOOP("RosterHeader", "Given names"),
          ("given names", "given name", "first name", "first names", "forename", "forenames",
           "nombre", "nombres", "nombre de pila")),
    Field("surnames", QT_TRANSLATE_NOOP("RosterHeader", "Surnames"),
          ("surnames", "surname", "last name", "last names", "family name", "family names",
           "apellido", "apellidos")),
    Field("first_surname", QT_TRANSLATE_NOOP("RosterHeader", "First surname"),
          ("first surname", "primer apellido", "apellido paterno", "paternal surname",
           "first last name")),
    Field("second_surname", QT_TRANSLATE_NOOP("RosterHeader", "Second surname"),
          ("second surname", "segundo apellido", "apellido materno", "maternal surname",
           "second last name")),
    Field("country", QT_TRANSLATE_NOOP("RosterHeader", "Country"),
          ("country", "pais", "nation", "nacion")),
    Field("delegation", QT_TRANSLATE_NOOP("RosterHeader", "Delegation code"),
          ("delegation code", "delegation", "codigo de delegacion", "delegacion",
           "codigo delegacion", "group", "grupo")),
    Field("institution", QT_TRANSLATE_NOOP("RosterHeader", "Institution"),
          ("institution", "institucion", "organization", "organisation", "organizacion",
           "organismo", "entidad", "dependencia", "agency", "agencia")),
    Field("position", QT_TRANSLATE_NOOP("RosterHeader", "Position"),
          ("position", "cargo", "puesto", "job title", "role", "funcion")),
    Field("chamber", QT_TRANSLATE_NOOP("RosterHeader", "Chamber"),
          ("chamber", "camara", "house")),
    Field("committee", QT_TRANSLATE_NOOP("RosterHeader", "Committee"),
          ("committee", "comision", "comite")),
    Field("head_of_delegation", QT_TRANSLATE_NOOP("RosterHeader", "Head of delegation"),
          ("head of delegation", "jefe de delegacion", "jefa de delegacion",
           "jefe a de delegacion", "jefatura de delegacion", "head")),
    Field("category", QT_TRANSLATE_NOOP("RosterHeader", "Category"),
          ("category", "categoria", "participant type", "tipo de participante", "tipo", "type")),
    Field("gender", QT_TRANSLATE_NOOP("RosterHeader", "Gender"),
          ("gender", "genero", "sexo", "sex")),
    Field("email", QT_TRANSLATE_NOOP("RosterHeader", "Email"),
          ("email", "e mail", "mail", "email address", "e mail address", "correo",
           "correo electronico", "direccion de correo", "direccion de correo electronico")),
    Field("phone", QT_TRANSLATE_NOOP("RosterHeader", "Phone"),
          ("phone", "telephone", "phone number", "mobile", "cell", "telefono", "tel",
           "celular", "movil", "numero de telefono", "whatsapp")),
    Field("language", QT_TRANSLATE_NOOP("RosterHeader", "Language"),
          ("language", "working language", "idioma", "lengua", "idioma de trabajo")),
    Field("note", QT_TRANSLATE_NOOP("RosterHeader", "Note"),
          ("note", "notes", "desk note", "nota", "notas", "observaciones", "observacion",
           "comments", "comentarios", "remarks")),
)

FIELD_BY_NAME = {f.name: f for f in FIELDS}
IGNORE = "ignore"
# Participant attribute names also accepted as --column targets.
_FIELD_SYNONYMS = {"desk_note": "note", "is_head_of_delegation": "head_of_delegation",
                   "delegation_code": "delegation", "ignorar": IGNORE, "skip": IGNORE}
_HEADER_INDEX: dict[str, str] = {}
for _field in FIELDS:
    for _alias in (_field.name, *_field.aliases):
        _HEADER_INDEX.setdefault(norm(_alias), _field.name)
NAME_FIELDS = ("given_names", "surnames", "first_surname", "second_surname")
EXPORT_FIELDS = tuple(f.name for f in FIELDS if f.name != "surnames")


def field_for_header(header: str) -> str | None:
    """The field a header names, in English or Spanish; also the headers our exports write."""
    key = norm(header)
    found = _HEADER_INDEX.get(key)
    if found is None and key:
        for f in FIELDS:
            if any(norm(in_language(lang).translate("RosterHeader", f.label)) == key for lang in ("en", "es")):
                return f.name
    return found


def field_for_name(name: str) -> str | None:
    """A ``--column`` target: a field name (``position``) or any header that names it (``cargo``)."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key in FIELD_BY_NAME or key == IGNORE:
        return key
    if key in _FIELD_SYNONYMS:
        return _FIELD_SYNONYMS[key]
    return field_for_header(name)


def header_label(field: str, lang: str | None = None) -> str:
    return in_language(lang).translate("RosterHeader", FIELD_BY_NAME[field].label)


# --- cell values -------------------------------------------------------------------------

_CATEGORY_WORDS: dict[Category, tuple[str, ...]] = {
    Category.LAWMAKER: (
        "lawmaker", "legislator", "legislador", "legisladora", "parliamentarian",
        "parlamentario", "parlamentaria", "diputado", "diputada", "senador", "senadora",
        "senator", "congresista", "congressman", "congresswoman", "member of parliament", "mp",
        "representative", "representante", "asambleista", "assembly member", "legislativo",
    ),
    Category.OFFICIAL: (
        "official", "government official", "government", "funcionario", "funcionaria",
        "funcionario de gobierno", "funcionario publico", "gobierno", "diplomat",
        "diplomatico", "diplomatica", "ministerio", "ministry",
    ),
    Category.INTERNATIONAL: (
        "international", "international organization", "international organisation",
        "organismo internacional", "organizacion internacional", "organismos internacionales",
        "oi", "io", "agency", "agencia",
    ),
    Category.SECRETARIAT: (
        "secretariat", "secretaria", "secretaria tecnica", "technical secretariat", "st",
    ),
    Category.CIVIL_SOCIETY: (
        "civil society", "sociedad civil", "ngo", "ong", "osc", "cso", "asociacion",
        "association",
    ),
    Category.STAFF: (
        "staff", "personal", "organizer", "organiser", "organizador", "organizadora",
        "apoyo", "support", "logistica", "logistics", "interpreter", "interprete",
    ),
    Category.PRESS: ("press", "prensa", "media", "medios", "periodista", "journalist"),
    Category.GUEST: ("guest", "invitado", "invitada", "invitados", "observer", "observador",
                     "observadora"),
}

_GENDER_WORDS: dict[Gender, tuple[str, ...]] = {
    Gender.FEMALE: ("f", "female", "woman", "w", "mujer", "femenino", "fem", "femme", "feminino"),
    Gender.MALE: ("m", "male", "man", "hombre", "h", "masculino", "masc", "homme", "v", "varon"),
    Gender.OTHER: ("x", "other", "otro", "otra", "no binario", "no binaria", "non binary",
                   "nonbinary", "nb", "diverso"),
}

_YES = {"si", "s", "yes", "y", "x", "1", "true", "verdadero", "jefe", "jefa", "head"}
_NO = {"no", "n", "0", "false", "falso"}



def _word_index(table: dict) -> dict[str, object]:
    out: dict[str, object] = {}
    for value, words in table.items():
        out[norm(value.value)] = value
        for word in words:
            out[norm(word)] = value
    return out


_CATEGORY_INDEX = _word_index(_CATEGORY_WORDS)
_GENDER_INDEX = _word_index(_GENDER_WORDS)


def parse_category(value: str) -> Category | None:
    """The category a cell names (English or Spanish, either catalogue's label), else None."""
    key = norm(value)
    found = _CATEGORY_INDEX.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    for category, label in CATEGORY_LABELS.items():
        for lang in ("en", "es"):
            if norm(in_language(lang).translate("Category", label)) == key:
                return category
    return None


def category_label(category: str, lang: str | None = None) -> str:
    label = CATEGORY_LABELS.get(Category(category))
    return in_language(lang).translate("Category", label) if label else category


def parse_gender(value: str) -> Gender | None:
    return _GENDER_INDEX.get(norm(value))  # type: ignore[return-value]


def parse_yes_no(value: str) -> bool | None:
    key = norm(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def yes_no(value: bool, lang: str | None = None) -> str:
    return in_language(lang).translate("Roster", "yes") if value else in_language(lang).translate("Roster", "no")


# --- names -------------------------------------------------------------------------------

# Lower-case particles that belong to the word after them ("de la Cruz", "van der Berg").
PARTICLES = frozenset({"de", "del", "la", "las", "los", "lo", "da", "das", "do", "dos", "di",
                       "van", "von", "der", "den", "ter", "du", "des", "le", "san", "santa"})


def split_surnames(surnames: str) -> tuple[str, str]:
    """"Muñoz de la Cruz" -> ("Muñoz", "de la Cruz"); "de la Cruz Pérez" -> ("de la Cruz", "Pérez").

    Words are grouped so that particles (de, del, de la, de los…) stay with the word after
    them, "y" joins the words on both sides ("Ortega y Gasset") and hyphenated names
    ("García-Iglesias") are one word. The first group is the first surname and the rest the
    second surname.
    """
    words = text.clean(surnames).split(" ")
    groups: list[list[str]] = []
    pending: list[str] = []  # particles waiting for their word
    join_next = False
    for word in words:
        if not word:
            continue
        low = text.fold(word)
        if low in ("y", "e", "i") and groups and not pending:
            groups[-1].append(word)
            join_next = True
            continue
        if low in PARTICLES:
            pending.append(word)
            continue
        if join_next and groups:
            groups[-1].extend([*pending, word])
        else:
            groups.append([*pending, word])
        pending = []
        join_next = False
    if pending:  # particles at the end: keep them with the last group
        if groups:
            groups[-1].extend(pending)
        else:
            groups.append(pending)
    if not groups:
        return "", ""
    first = " ".join(groups[0])
    second = " ".join(" ".join(g) for g in groups[1:])
    return first, second


_FEMALE_TITLES = {"diputada", "senadora", "sra", "senora", "srta", "senorita", "dra", "doctora",
                  "licda", "licenciada", "ingra", "ingeniera", "ministra", "embajadora",
                  "presidenta", "mrs", "ms", "miss", "mme", "madame", "mlle", "jueza", "alcaldesa",
                  "concejala"}
_MALE_TITLES = {"diputado", "senador", "sr", "senor", "licdo", "licenciado", "ministro",
                "embajador", "mr", "m", "monsieur", "juez", "alcalde", "concejal"}


def gender_from_title(title: str) -> Gender | None:
    """F for "Diputada", "Senadora", "Sra."…, M for "Diputado", "Sr."…; None when the title
    does not say (Dip., Sen., Hon., Dr.)."""
    words = set(norm(title).split())
    if words & _FEMALE_TITLES:
        return Gender.FEMALE
    if words & _MALE_TITLES:
        return Gender.MALE
    return None


# --- who belongs where -------------------------------------------------------------------

def _phrases(*items: str) -> tuple[str, ...]:
    return tuple(norm(i) for i in items)


_INTERNATIONAL = _phrases(
    "oim", "iom", "acnur", "unhcr", "onu mujeres", "un women", "unwomen", "onu", "united nations",
    "naciones unidas", "unicef", "oit", "ilo", "oea", "oas", "oacnudh", "ohchr", "acnudh",
    "pnud", "undp", "unfpa", "unodc", "cepal", "eclac", "bid", "idb", "banco mundial",
    "world bank", "sica", "cicr", "icrc", "comite internacional de la cruz roja",
    "international committee of the red cross", "ifrc", "organizacion internacional",
    "organismo internacional", "international organization", "international organisation",
    "organizacion internacional para las migraciones", "international organization for migration",
    "alto comisionado", "high commissioner", "parlatino", "parlacen", "ops", "paho", "oms", "who",
)
_SECRETARIAT = _phrases(
    "secretaria tecnica", "technical secretariat", "secretaria tecnica de la crm",
    "rcm technical secretariat", "st crm", "crm st",
)
_PRESIDENCY = _phrases(
    "presidencia pro tempore", "presidency pro tempore", "ppt",
    "ministerio de relaciones exteriores de el salvador",
    "ministerio de relaciones exteriores el salvador", "cancilleria de el salvador",
    "ministry of foreign affairs of el salvador", "el salvador ministry of foreign affairs",
)
_OBSERVER = _phrases("observador", "observadora", "observadores", "observer", "observers")

_PARLIAMENT = _phrases(
    "asamblea", "congreso", "senado", "camara de diputados", "camara de senadores",
    "camara de representantes", "parlamento", "parliament", "house of commons", "senate",
    "assembly", "legislature", "legislatura", "house of representatives", "congress",
    "house of assembly", "national assembly", "legislativo", "legislative",
)
_PARLIAMENTARY_TITLES = _phrases(
    "dip", "diputado", "diputada", "sen", "senador", "senadora", "senator", "h d", "hd", "hon",
    "honorable", "mp", "m p", "mhr", "mla", "mpp", "mna", "rep", "representative",
    "congresista", "congressman", "congresswoman", "assemblymember", "assemblywoman",
    "assemblyman", "legislador", "legisladora", "asambleista", "parlamentario", "parlamentaria",
)
_GOVERNMENT = _phrases(
    "ministerio", "ministry", "embajada", "embassy", "consulado", "consulate", "gobierno",
    "government", "cancilleria", "secretaria de", "secretaria del", "department", "departamento de",
    "direccion general", "instituto nacional de migracion", "presidencia de la republica",
)
_CIVIL_SOCIETY = _phrases(
    "asociacion", "association", "fundacion", "foundation", "ong", "ngo", "asparlexsal",
    "sociedad civil", "civil society", "red de", "network", "colectivo",
)
_PRESS = _phrases("prensa", "press", "periodico", "newspaper", "television", "radio",
                  "noticias", "news", "agencia de noticias", "diario")


def _mentions(value: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {norm(value)} "
    return any(f" {p} " in padded for p in phrases)


def group_for_institution(institution: str) -> str:
    """The non-country group code for a participant without a country.

    International organizations (IOM/OIM, UNHCR/ACNUR, UN Women/ONU Mujeres…) -> "OI";
    the RCM Technical Secretariat -> "ST"; the Presidency Pro-Tempore (El Salvador's
    Ministry of Foreign Affairs) -> "PPT"; observers -> "OBS"; anyone else -> guests "INV".
    """
    if _mentions(institution, _SECRETARIAT):
        return "ST"
    if _mentions(institution, _PRESIDENCY):
        return "PPT"
    if _mentions(institution, _INTERNATIONAL):
        return "OI"
    if _mentions(institution, _OBSERVER):
        return "OBS"
    return "INV"


def infer_category(kind: str, title: str, institution: str) -> Category:
    """The category when the file does not give one (see docs/roster.md)."""
    if kind == DelegationKind.INTERNATIONAL:
        return Category.INTERNATIONAL
    if kind == DelegationKind.SECRETARIAT:
        return Category.SECRETARIAT
    if kind == DelegationKind.PRESIDENCY:
        return Category.OFFICIAL
    if kind in (DelegationKind.OBSERVER, DelegationKind.GUEST):
        if _mentions(institution, _CIVIL_SOCIETY):
            return Category.CIVIL_SOCIETY
        if _mentions(institution, _PRESS):
            return Category.PRESS
        return Category.GUEST
    # A member country: lawmakers unless the institution says otherwise.
    if _mentions(title, _PARLIAMENTARY_TITLES) or _mentions(institution, _PARLIAMENT):
        return Category.LAWMAKER
    if _mentions(institution, _CIVIL_SOCIETY):
        return Category.CIVIL_SOCIETY
    if _mentions(institution, _PRESS):
        return Category.PRESS
    if _mentions(institution, _GOVERNMENT):
        return Category.OFFICIAL
    return Category.LAWMAKER
