"""The demo's draft Declaration on Migrant Women, halfway through its negotiation.

Six preambular and eight operative paragraphs in Spanish (authentic) and English, for the
drafting sitting (sitting 4, 6 September 2017), and seven amendments from several
delegations: two accepted (one as orally amended), one rejected, one withdrawn, three
still pending — one of them worded in English only. The chair has operative paragraph 5
and Canada's amendment to it under discussion, so the room screen has something to show.

The text is data written for the demo, in the register of inter-parliamentary
declarations; it is not a translatable string of the app.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from encounter_desk.storage.models import (
    AmendmentSponsor,
    Declaration,
    DeclarationAmendment,
    DeclarationDiscussion,
    DeclarationParagraph,
    Delegation,
    Sitting,
)

SITTING = 4
ZONE = zoneinfo.ZoneInfo("America/Mexico_City")

TITLE = ("Declaración sobre Mujeres Migrantes", "Declaration on Migrant Women")

CHAPEAU = (
    "Las y los legisladores de los países miembros de la Conferencia Regional sobre Migración "
    "(CRM) —Belice, Canadá, Costa Rica, El Salvador, Estados Unidos, Guatemala, Honduras, "
    "México, Nicaragua, Panamá y República Dominicana—, reunidos en Tuxtla Gutiérrez, Chiapas, "
    "México, del 4 al 6 de septiembre de 2017, con ocasión del I Encuentro Parlamentario "
    "convocado por la Presidencia Pro-Tempore de El Salvador,",
    "We, the lawmakers of the member countries of the Regional Conference on Migration (RCM) "
    "— Belize, Canada, Costa Rica, El Salvador, the United States, Guatemala, Honduras, "
    "Mexico, Nicaragua, Panama and the Dominican Republic —, meeting in Tuxtla Gutiérrez, "
    "Chiapas, Mexico, from 4 to 6 September 2017, at the I Parliamentary Encounter convened "
    "by the Presidency Pro-Tempore of El Salvador,",
)

INTRO = ("Declaramos:", "Declare:")

PREAMBLE = (
    ("Considerando que las mujeres y las niñas representan cerca de la mitad de las personas "
     "migrantes de la región y que enfrentan riesgos específicos en los países de origen, "
     "tránsito, destino y retorno;",
     "Considering that women and girls account for nearly half of the migrants of the region "
     "and face specific risks in countries of origin, transit, destination and return;"),
    ("Reconociendo la contribución económica, social y cultural de las mujeres migrantes al "
     "desarrollo de sus comunidades de origen y de destino, incluidas las remesas que "
     "sostienen a millones de hogares;",
     "Recognizing the economic, social and cultural contribution of migrant women to the "
     "development of their communities of origin and destination, including the remittances "
     "that sustain millions of households;"),
    ("Recordando la Convención sobre la Eliminación de Todas las Formas de Discriminación "
     "contra la Mujer, la Convención Interamericana para Prevenir, Sancionar y Erradicar la "
     "Violencia contra la Mujer (Convención de Belém do Pará) y la Declaración de Nueva York "
     "para los Refugiados y los Migrantes de 2016;",
     "Recalling the Convention on the Elimination of All Forms of Discrimination against "
     "Women, the Inter-American Convention on the Prevention, Punishment and Eradication of "
     "Violence against Women (Convention of Belém do Pará) and the 2016 New York Declaration "
     "for Refugees and Migrants;"),
    ("Profundamente preocupadas y preocupados por la violencia sexual y de género, la trata de "
     "personas y la explotación laboral que sufren las mujeres migrantes en las rutas "
     "migratorias;",
     "Deeply concerned about the sexual and gender-based violence, trafficking in persons and "
     "labour exploitation suffered by migrant women along migration routes;"),
    ("Destacando el papel de los parlamentos en la armonización legislativa, la aprobación de "
     "presupuestos con perspectiva de género y el control de las políticas migratorias;",
     "Stressing the role of parliaments in harmonizing legislation, approving "
     "gender-responsive budgets and overseeing migration policies;"),
    ("Tomando en cuenta los lineamientos de la Conferencia Regional sobre Migración para la "
     "protección de las mujeres migrantes, el trabajo de su Secretaría Técnica y las "
     "recomendaciones de la OIM, el ACNUR y ONU Mujeres presentadas en este Encuentro;",
     "Taking into account the guidelines of the Regional Conference on Migration for the "
     "protection of migrant women, the work of its Technical Secretariat and the "
     "recommendations of IOM, UNHCR and UN Women presented at this Encounter;"),
)

OPERATIVE = (
    ("Promover, en nuestros respectivos parlamentos, reformas legislativas que garanticen el "
     "acceso de las mujeres migrantes a la justicia, con independencia de su situación "
     "migratoria, incluidos servicios de interpretación y asesoría jurídica gratuita.",
     "To promote, in our respective parliaments, legislative reforms that guarantee migrant "
     "women access to justice regardless of their migration status, including interpretation "
     "services and free legal advice."),
    ("Impulsar protocolos de atención a mujeres migrantes víctimas de violencia sexual y de "
     "género, con personal capacitado en los puntos de entrada, las estaciones migratorias y "
     "los albergues.",
     "To foster protocols for the care of migrant women who are victims of sexual and "
     "gender-based violence, with trained staff at points of entry, migration stations and "
     "shelters."),
    ("Exhortar a los gobiernos de la región a fortalecer la protección consular con "
     "perspectiva de género, en particular para las mujeres en situación de detención "
     "migratoria.",
     "To call on the governments of the region to strengthen consular protection with a "
     "gender perspective, in particular for women in immigration detention."),
    ("Promover el acceso de las mujeres migrantes al trabajo decente, a la seguridad social y "
     "a la portabilidad de sus derechos laborales entre los países de la región.",
     "To promote access for migrant women to decent work, social security and the "
     "portability of their labour rights among the countries of the region."),
    ("Garantizar el acceso de las mujeres y las niñas migrantes a servicios de salud, incluida "
     "la salud sexual y reproductiva, sin que se exija documentación migratoria.",
     "To guarantee access for migrant women and girls to health services, including sexual "
     "and reproductive health, without requiring migration documents."),
    ("Asignar en los presupuestos nacionales recursos etiquetados para los programas de "
     "atención, protección y reintegración de mujeres migrantes y retornadas.",
     "To earmark resources in national budgets for programmes of care, protection and "
     "reintegration of migrant and returning women."),
    ("Promover la generación de estadísticas desagregadas por sexo, edad y situación "
     "migratoria, que permitan evaluar el impacto de las políticas públicas en las mujeres "
     "migrantes.",
     "To promote the production of statistics disaggregated by sex, age and migration status "
     "that make it possible to assess the impact of public policies on migrant women."),
    ("Establecer un mecanismo parlamentario de seguimiento de esta Declaración, con una hoja "
     "de ruta a corto y mediano plazo, e informar de sus avances en el II Encuentro "
     "Parlamentario.",
     "To establish a parliamentary mechanism to follow up this Declaration, with a short- and "
     "medium-term road map, and to report on its progress at the II Parliamentary "
     "Encounter."),
)

# (paragraph, kind, sponsors, (es, en), status, decided "HH:MM" on 6 September, final (es, en))
AMENDMENTS = (
    ("OP1", "replace", ("MX", "GT"),
     ("Promover, en nuestros respectivos parlamentos, reformas legislativas que garanticen el "
      "acceso efectivo de las mujeres migrantes a la justicia y a la reparación del daño, con "
      "independencia de su situación migratoria, incluidos servicios gratuitos de "
      "interpretación y de asesoría jurídica.",
      "To promote, in our respective parliaments, legislative reforms that guarantee migrant "
      "women effective access to justice and to redress, regardless of their migration "
      "status, including free interpretation and legal aid services."),
     "accepted", "10:05", None),
    ("OP2", "insert_after", ("SV", "HN"),
     ("Crear refugios especializados para mujeres migrantes y sus hijas e hijos, en "
      "coordinación con las organizaciones de la sociedad civil.",
      "To create specialized shelters for migrant women and their children, in coordination "
      "with civil society organizations."),
     "accepted_amended", "10:22",
     ("Apoyar la creación y el financiamiento de refugios especializados para mujeres "
      "migrantes y sus hijas e hijos, en coordinación con las organizaciones de la sociedad "
      "civil.",
      "To support the creation and funding of specialized shelters for migrant women and "
      "their children, in coordination with civil society organizations.")),
    ("PP3", "replace", ("US",),
     ("",
      "Recalling the international and regional human rights instruments applicable to each "
      "of our States, in particular those that protect the rights of women;"),
     "rejected", "10:31", None),
    ("OP6", "replace", ("CR", "PA"),
     ("Procurar la asignación, en los presupuestos nacionales, de recursos suficientes para "
      "los programas de atención, protección y reintegración de mujeres migrantes y "
      "retornadas.",
      "To seek the allocation, in national budgets, of sufficient resources for programmes "
      "of care, protection and reintegration of migrant and returning women."),
     "withdrawn", "10:40", None),
    ("OP5", "replace", ("CA",),
     ("",
      "To guarantee access for migrant women and girls to comprehensive health services, "
      "including sexual and reproductive health and mental health care, without requiring "
      "migration documents."),
     "pending", None, None),
    ("OP7", "insert_after", ("DO",),
     ("Fortalecer la cooperación entre los institutos nacionales de estadística y las "
      "oficinas de migración para el intercambio de información, con pleno respeto a la "
      "protección de los datos personales.",
      "To strengthen cooperation between national statistics institutes and migration "
      "offices for the exchange of information, with full respect for the protection of "
      "personal data."),
     "pending", None, None),
    ("OP8", "replace", ("BZ", "NI"),
     ("Establecer un mecanismo parlamentario de seguimiento de esta Declaración, con una hoja "
      "de ruta a corto y mediano plazo y enlaces en cada parlamento, e informar de sus "
      "avances en el II Encuentro Parlamentario.",
      "To establish a parliamentary mechanism to follow up this Declaration, with a short- "
      "and medium-term road map and focal points in each parliament, and to report on its "
      "progress at the II Parliamentary Encounter."),
     "pending", None, None),
)

UNDER_DISCUSSION = ("OP5", 5, "10:45")
"""The paragraph, the amendment number and the time the chair put them under discussion."""


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), ZONE).astimezone(dt.UTC)


def draft_declaration(session: Session) -> Declaration:
    """Write the demo's draft, its amendments and the discussion under way."""
    sitting = session.scalar(select(Sitting).where(Sitting.number == SITTING))
    delegations = {d.code: d for d in session.scalars(select(Delegation))}
    day = sitting.date
    handed_in = _at(day - dt.timedelta(days=1), "18:30")
    declaration = Declaration(
        title_es=TITLE[0], title_en=TITLE[1], chapeau_es=CHAPEAU[0], chapeau_en=CHAPEAU[1],
        operative_intro_es=INTRO[0], operative_intro_en=INTRO[1], authentic_language="es",
        place="Tuxtla Gutiérrez, Chiapas, México", date=day, sitting_id=sitting.id,
        created_at=handed_in, updated_at=handed_in)
    session.add(declaration)
    session.flush()
    paragraphs: dict[str, DeclarationParagraph] = {}
    for part, code, texts in (("preamble", "PP", PREAMBLE), ("operative", "OP", OPERATIVE)):
        for position, (es, en) in enumerate(texts, start=1):
            paragraph = DeclarationParagraph(declaration_id=declaration.id, part=part,
                                             position=position, text_es=es, text_en=en)
            session.add(paragraph)
            paragraphs[f"{code}{position}"] = paragraph
    session.flush()
    amendments = []
    for number, (code, kind, sponsors, (es, en), status, decided, final) in enumerate(
            AMENDMENTS, start=1):
        amendment = DeclarationAmendment(
            declaration_id=declaration.id, number=number, paragraph_id=paragraphs[code].id,
            kind=kind, text_es=es, text_en=en, status=status,
            final_text_es=final[0] if final else "", final_text_en=final[1] if final else "",
            note="", submitted_at=handed_in + dt.timedelta(minutes=7 * number),
            decided_at=_at(day, decided) if decided else None)
        session.add(amendment)
        session.flush()
        for position, sponsor in enumerate(sponsors):
            session.add(AmendmentSponsor(amendment_id=amendment.id,
                                         delegation_id=delegations[sponsor].id,
                                         position=position))
        amendments.append(amendment)
    code, number, when = UNDER_DISCUSSION
    session.add(DeclarationDiscussion(declaration_id=declaration.id,
                                      paragraph_id=paragraphs[code].id,
                                      amendment_id=amendments[number - 1].id,
                                      started_at=_at(day, when)))
    session.flush()
    return declaration
