"""The demo encounter as plain data: the event, its people and its sittings.

Every person here is fictional. Names, titles, institutions and notes are data, not
translatable strings: they are what a secretariat would type into the roster.

A group gives the defaults of its people (delegation, category, institution, chamber,
language, e-mail domain, phone pattern); a person overrides any of them. In a phone
pattern each ``#`` becomes a digit drawn from the demo's fixed random seed. A person with
a ``key`` can be named by the sittings (chair, secretary).
"""

from __future__ import annotations

import datetime as dt

SEED = 20170904

EVENT = {
    "code": "RCM-EP-2017",
    "name_es": "I Encuentro Parlamentario de los Países Miembros de la Conferencia Regional "
    "sobre Migración",
    "name_en": "I Parliamentary Encounter of the Member Countries of the Regional Conference "
    "on Migration",
    "short_name_es": "I Encuentro Parlamentario CRM",
    "short_name_en": "I RCM Parliamentary Encounter",
    "venue": "Hotel y Centro de Convenciones Cañón del Sumidero",
    "city": "Tuxtla Gutiérrez, Chiapas",
    "country": "México",
    "start_date": dt.date(2017, 9, 4),
    "end_date": dt.date(2017, 9, 6),
    "timezone": "America/Mexico_City",
    "quorum_rule": "majority_of_members",
}

# A non-country delegation of its own, after the preset groups.
EXTRA_DELEGATIONS = (
    {
        "code": "ASPARLEXSAL",
        "kind": "guest",
        "name_es": "Asociación de Exdiputadas Salvadoreñas (ASPARLEXSAL)",
        "name_en": "Association of Former Salvadoran Congresswomen (ASPARLEXSAL)",
        "order": 25,
        "aliases": ("ASPARLEXSAL",),
    },
)

_HEAD = "Jefatura de delegación: asiento en primera fila / Head of delegation: front-row seat"
_WHEELCHAIR = "Acceso en silla de ruedas / Wheelchair access"
_VEGETARIAN = "Almuerzo vegetariano / Vegetarian lunch"
_INTERPRETER_FR = "Intérprete FR: entregar receptor / French interpreter: hand over a receiver"

# --- the eleven member delegations (RCM order) ------------------------------------------

BELIZE = {
    "delegation": "BZ",
    "category": "lawmaker",
    "institution": "National Assembly of Belize",
    "chamber": "House of Representatives",
    "language": "en",
    "domain": "example.bz",
    "phone": "+501 6##-####",
    "people": (
        {"title": "Hon.", "given": "Dolores Idalia", "first": "Chan", "second": "Marín",
         "gender": "F", "head": True, "note": _HEAD,
         "position": "MHR for Corozal Southwest; Chair of the House Committee on Human "
                     "Development",
         "committee": "House Committee on Human Development, Social Transformation and "
                      "Poverty Alleviation"},
        {"title": "Hon.", "given": "Kareem", "first": "Arzú", "second": "Lambey",
         "gender": "M", "position": "MHR for Dangriga",
         "committee": "House Committee on Foreign Affairs"},
        {"title": "Senator", "given": "Beverly Anne", "first": "Castillo-Young",
         "gender": "F", "chamber": "Senate", "position": "Senator",
         "committee": "Senate Committee on Foreign Affairs"},
        {"title": "Hon.", "given": "Marisol", "first": "Pop", "second": "Choc",
         "gender": "F", "note": _VEGETARIAN, "position": "MHR for Toledo West",
         "committee": "House Committee on Human Development, Social Transformation and "
                      "Poverty Alleviation"},
    ),
}

CANADA = {
    "delegation": "CA",
    "category": "lawmaker",
    "institution": "House of Commons of Canada",
    "chamber": "House of Commons",
    "language": "en",
    "domain": "example.ca",
    "phone": "+1 613 555-01##",
    "people": (
        {"title": "Hon.", "given": "Marie-Ève", "first": "Tremblay-Gagnon",
         "gender": "F", "head": True, "language": "fr",
         "note": _HEAD + ". " + _INTERPRETER_FR,
         "institution": "Senate of Canada", "chamber": "Senate",
         "position": "Senator (Quebec)",
         "committee": "Standing Senate Committee on Human Rights"},
        {"title": "M.P.", "given": "Jennifer", "first": "Kowalczyk", "gender": "F",
         "position": "Member of Parliament for Winnipeg South Centre; Vice-Chair",
         "committee": "Standing Committee on the Status of Women"},
        {"title": "M.P.", "given": "Gurpreet Kaur", "first": "Sandhu", "gender": "F",
         "position": "Member of Parliament for Surrey North",
         "committee": "Standing Committee on Foreign Affairs and International Development"},
        {"title": "M.P.", "given": "Olivier", "first": "Bélanger-Roy", "gender": "M",
         "language": "fr", "position": "Député de Gatineau",
         "committee": "Standing Committee on Citizenship and Immigration"},
        {"title": "MNA", "given": "Geneviève", "first": "Lévesque", "gender": "F",
         "language": "fr", "note": _INTERPRETER_FR,
         "institution": "Assemblée nationale du Québec", "chamber": "Assemblée nationale",
         "position": "Députée de Sherbrooke",
         "committee": "Commission des relations avec les citoyens"},
        {"title": "MLA", "given": "Siobhan", "first": "O'Reilly-MacDonald", "gender": "F",
         "institution": "Nova Scotia House of Assembly", "chamber": "House of Assembly",
         "position": "MLA for Halifax Needham",
         "committee": "Standing Committee on Community Services"},
        {"title": "MPP", "given": "Daniel", "first": "Okafor", "gender": "M",
         "institution": "Legislative Assembly of Ontario", "chamber": "Legislative Assembly",
         "position": "MPP for Scarborough Centre",
         "committee": "Standing Committee on Social Policy"},
        {"title": "MLA", "given": "Amélie", "first": "Thériault", "gender": "F",
         "language": "fr",
         "institution": "Legislative Assembly of New Brunswick",
         "chamber": "Legislative Assembly", "position": "MLA for Caraquet",
         "committee": "Standing Committee on Social Policy"},
    ),
}

COSTA_RICA = {
    "delegation": "CR",
    "category": "lawmaker",
    "institution": "Asamblea Legislativa de Costa Rica",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.cr",
    "phone": "+506 8###-####",
    "people": (
        {"title": "Diputada", "given": "Ana Cristina", "first": "Solís", "second": "Arguedas",
         "gender": "F", "head": True, "note": _HEAD,
         "position": "Presidenta de la Comisión",
         "committee": "Comisión Permanente Especial de la Mujer"},
        {"title": "Dip.", "given": "Luis Diego", "first": "Quesada", "second": "Villalobos",
         "gender": "M", "position": "Secretario de la Comisión",
         "committee": "Comisión Permanente Especial de Relaciones Internacionales y "
                      "Comercio Exterior"},
        {"title": "Dip.", "given": "María Fernanda", "first": "Chaves", "second": "Jiménez",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión Permanente Especial de Relaciones Internacionales y "
                      "Comercio Exterior"},
        {"title": "Diputada", "given": "Yorleny", "first": "Mora", "second": "Céspedes",
         "gender": "F", "note": _WHEELCHAIR, "position": "Vicepresidenta de la Comisión",
         "committee": "Comisión Permanente Especial de la Mujer"},
        {"title": "Dip.", "given": "Rodrigo", "first": "Alfaro", "second": "Núñez",
         "gender": "M", "position": "Integrante",
         "committee": "Comisión Permanente Especial de Derechos Humanos"},
        {"title": "Diputada", "given": "Carolina", "first": "Herrera", "second": "Vindas",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión Permanente Especial de la Mujer"},
    ),
}

_SV_FOREIGN = ("Comisión de Relaciones Exteriores, Integración Centroamericana y "
               "Salvadoreños en el Exterior")
_SV_WOMEN = "Comisión de la Mujer y la Igualdad de Género"

EL_SALVADOR = {
    "delegation": "SV",
    "category": "lawmaker",
    "institution": "Asamblea Legislativa de El Salvador",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.sv",
    "phone": "+503 7###-####",
    "people": (
        {"key": "sv-head", "title": "Diputada", "given": "Ana Lucía", "first": "Ayala",
         "second": "de Menjívar", "gender": "F", "head": True, "note": _HEAD,
         "position": "Presidenta de la Comisión", "committee": _SV_FOREIGN},
        {"title": "Dip.", "given": "José María", "first": "Hernández", "second": "Peña",
         "gender": "M", "position": "Secretario de la Comisión", "committee": _SV_FOREIGN},
        {"title": "Dip.", "given": "Karla Beatriz", "first": "Orellana", "second": "Guardado",
         "gender": "F", "position": "Presidenta de la Comisión", "committee": _SV_WOMEN},
        {"title": "Diputada", "given": "Milagro del Carmen", "first": "Portillo",
         "second": "de Rivas", "gender": "F", "position": "Relatora de la Comisión",
         "committee": _SV_WOMEN},
        {"title": "Dip.", "given": "Héctor Armando", "first": "Zelaya", "second": "Quintanilla",
         "gender": "M", "position": "Vocal", "committee": _SV_FOREIGN},
        {"title": "Diputada", "given": "Reina Isabel", "first": "Alvarenga", "second": "Chicas",
         "gender": "F", "position": "Vocal",
         "committee": "Comisión de la Familia, Niñez, Adolescencia, Adulto Mayor y "
                      "Personas con Discapacidad"},
        {"title": "Dip.", "given": "Rosa Elvira", "first": "Argueta",
         "second": "García-Iglesias", "gender": "F", "position": "Vocal",
         "committee": _SV_WOMEN},
    ),
}

UNITED_STATES = {
    "delegation": "US",
    "category": "lawmaker",
    "institution": "United States Congress",
    "chamber": "House of Representatives",
    "language": "en",
    "domain": "example.us",
    "phone": "+1 202 555-01##",
    "people": (
        {"title": "Senator", "given": "Margaret Ellen", "first": "Whitfield", "gender": "F",
         "head": True, "note": _HEAD, "chamber": "Senate",
         "position": "United States Senator",
         "committee": "Senate Committee on Foreign Relations"},
        {"title": "Representative", "given": "Luz María", "first": "Villarreal", "gender": "F",
         "position": "Ranking Member, Subcommittee on the Western Hemisphere",
         "committee": "House Committee on Foreign Affairs"},
        {"title": "Rep.", "given": "Thomas J.", "first": "O'Connell", "gender": "M",
         "position": "Member, Subcommittee on Immigration and Border Security",
         "committee": "House Committee on the Judiciary"},
        {"title": "Representative", "given": "Aisha", "first": "Coleman-Brooks", "gender": "F",
         "position": "Member", "committee": "House Committee on Foreign Affairs"},
        {"title": "State Senator", "given": "Rosalinda", "first": "Treviño-Garza",
         "gender": "F", "institution": "Texas Legislature", "chamber": "State Senate",
         "phone": "+1 512 555-01##", "position": "Vice-Chair",
         "committee": "Senate Committee on Health and Human Services"},
        {"title": "Assemblymember", "given": "Lorena", "first": "Ibáñez", "gender": "F",
         "institution": "California State Legislature", "chamber": "State Assembly",
         "phone": "+1 916 555-01##", "position": "Chair",
         "committee": "Select Committee on Women in the Workplace"},
        {"title": "State Sen.", "given": "Deborah Ann", "first": "Kowalski", "gender": "F",
         "institution": "New Mexico Legislature", "chamber": "State Senate",
         "phone": "+1 505 555-01##", "position": "Member",
         "committee": "Senate Public Affairs Committee"},
        {"title": "Rep.", "given": "Dwayne", "first": "Mitchell", "gender": "M",
         "institution": "Arizona State Legislature", "chamber": "State House of Representatives",
         "phone": "+1 602 555-01##", "position": "Member",
         "committee": "House Committee on International Trade"},
    ),
}

GUATEMALA = {
    "delegation": "GT",
    "category": "lawmaker",
    "institution": "Congreso de la República de Guatemala",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.gt",
    "phone": "+502 5###-####",
    "people": (
        {"title": "Diputada", "given": "Ana María Concepción del Rosario",
         "first": "Montenegro", "second": "de la Peña-Santisteban", "gender": "F",
         "head": True, "note": _HEAD, "position": "Presidenta de la Comisión",
         "committee": "Comisión de la Mujer"},
        {"title": "Dip.", "given": "Edgar Estuardo", "first": "Cifuentes", "second": "Ajú",
         "gender": "M", "position": "Presidente de la Comisión",
         "committee": "Comisión del Migrante"},
        {"title": "Diputada", "given": "Sandra Patricia", "first": "Xicará", "second": "Tzul",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión de Pueblos Indígenas"},
        {"title": "Diputada", "given": "Lucrecia", "first": "Marroquín", "second": "de León",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores"},
        {"title": "Dip.", "given": "Byron Otoniel", "first": "Castañeda", "second": "Monzón",
         "gender": "M", "position": "Secretario de la Comisión",
         "committee": "Comisión del Migrante"},
        {"title": "Diputada", "given": "Ingrid Roxana", "first": "Barrios", "second": "Ixcot",
         "gender": "F", "position": "Vicepresidenta de la Comisión",
         "committee": "Comisión de la Mujer"},
    ),
}

HONDURAS = {
    "delegation": "HN",
    "category": "lawmaker",
    "institution": "Congreso Nacional de Honduras",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.hn",
    "phone": "+504 9###-####",
    "people": (
        {"title": "Diputada", "given": "Gladys Marina", "first": "Zúniga", "second": "Banegas",
         "gender": "F", "head": True, "note": _HEAD, "position": "Presidenta de la Comisión",
         "committee": "Comisión de Población y Migración"},
        {"title": "Dip.", "given": "Óscar Armando", "first": "Fúnez", "second": "Maradiaga",
         "gender": "M", "position": "Secretario de la Comisión",
         "committee": "Comisión de Relaciones Exteriores"},
        {"title": "Diputada", "given": "Iris Yolany", "first": "Cárcamo", "second": "Flores",
         "gender": "F", "position": "Integrante", "committee": "Comisión de Equidad de Género"},
        {"title": "Diputada", "given": "Suyapa Elizabeth", "first": "Matamoros",
         "second": "Ordóñez", "gender": "F", "position": "Presidenta de la Comisión",
         "committee": "Comisión de Equidad de Género"},
        {"title": "Dip.", "given": "Mario Alberto", "first": "Bográn", "second": "Lagos",
         "gender": "M", "note": _VEGETARIAN, "position": "Integrante",
         "committee": "Comisión de Población y Migración"},
        {"title": "Diputada", "given": "Begoña", "first": "Irías", "second": "Midence",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores"},
    ),
}

_MX_SENATE = {"institution": "Senado de la República", "chamber": "Senado"}

MEXICO = {
    "delegation": "MX",
    "category": "lawmaker",
    "institution": "Cámara de Diputados",
    "chamber": "Cámara de Diputados",
    "language": "es",
    "domain": "example.mx",
    "phone": "+52 55 ####-####",
    "people": (
        {"key": "mx-head", "title": "Senadora", "given": "María de los Ángeles Guadalupe",
         "first": "Fernández de Córdoba", "second": "y Villaseñor-Echeverría", "gender": "F",
         "head": True,
         "note": "Jefa de la delegación anfitriona / Head of the host delegation",
         **_MX_SENATE, "position": "Presidenta de la Comisión",
         "committee": "Comisión de Relaciones Exteriores, América Latina y el Caribe"},
        {"title": "Sen.", "given": "Iñaki", "first": "Arrieta", "second": "Goñi",
         "gender": "M", **_MX_SENATE, "position": "Secretario de la Comisión",
         "committee": "Comisión de Asuntos Migratorios"},
        {"title": "Senadora", "given": "Rocío Guadalupe", "first": "Nájera",
         "second": "Villanueva", "gender": "F", **_MX_SENATE,
         "position": "Presidenta de la Comisión",
         "committee": "Comisión para la Igualdad de Género"},
        {"title": "Sen.", "given": "Fernando Arturo", "first": "Gamboa", "second": "Zárate",
         "gender": "M", **_MX_SENATE, "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores, América Latina y el Caribe"},
        {"title": "Diputada", "given": "Itzel Yareli", "first": "de la Cruz",
         "second": "Ramírez", "gender": "F", "position": "Secretaria de la Comisión",
         "committee": "Comisión de Igualdad de Género"},
        {"title": "Dip.", "given": "Juan Pablo", "first": "Ocampo", "second": "Treviño",
         "gender": "M", "position": "Integrante", "committee": "Comisión de Asuntos Migratorios"},
        {"title": "Diputada", "given": "Guadalupe", "first": "Yáñez", "second": "Obregón",
         "gender": "F", "phone": "+52 961 ### ####", "position": "Presidenta de la Comisión",
         "committee": "Comisión de Asuntos de la Frontera Sur-Sureste"},
        {"title": "Diputada", "given": "Noemí Berenice", "first": "Cruz", "second": "Pascacio",
         "gender": "F", "note": _WHEELCHAIR, "phone": "+52 961 ### ####",
         "position": "Integrante", "committee": "Comisión de Derechos Humanos"},
        {"title": "Dip.", "given": "Martha Elena", "first": "Culebro", "second": "Gordillo",
         "gender": "F", "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores"},
    ),
}

NICARAGUA = {
    "delegation": "NI",
    "category": "lawmaker",
    "institution": "Asamblea Nacional de Nicaragua",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.ni",
    "phone": "+505 8###-####",
    "people": (
        {"title": "Diputada", "given": "Maritza del Socorro", "first": "Espinoza",
         "second": "Lacayo", "gender": "F", "head": True, "note": _HEAD,
         "position": "Presidenta de la Comisión",
         "committee": "Comisión de la Mujer, Juventud, Niñez y Familia"},
        {"title": "Dip.", "given": "Wilfredo Antonio", "first": "Urbina", "second": "Chamorro",
         "gender": "M", "position": "Integrante", "committee": "Comisión de Asuntos Exteriores"},
        {"title": "Diputada", "given": "Jacinta Auxiliadora", "first": "Mairena",
         "second": "Úbeda", "gender": "F", "position": "Secretaria de la Comisión",
         "committee": "Comisión de la Mujer, Juventud, Niñez y Familia"},
        {"title": "Dip.", "given": "Douglas Enrique", "first": "Membreño", "second": "Aráuz",
         "gender": "M", "position": "Integrante", "committee": "Comisión de Asuntos Exteriores"},
        {"title": "Diputada", "given": "Ligia del Carmen", "first": "Baltodano",
         "second": "Ruiz", "gender": "F", "position": "Integrante",
         "committee": "Comisión de Asuntos Exteriores"},
    ),
}

PANAMA = {
    "delegation": "PA",
    "category": "lawmaker",
    "institution": "Asamblea Nacional de Panamá",
    "chamber": "Unicameral",
    "language": "es",
    "domain": "example.pa",
    "phone": "+507 6###-####",
    "people": (
        {"title": "H.D.", "given": "Itzel Marisín", "first": "Batista", "second": "Quintero",
         "gender": "F", "head": True, "note": _HEAD, "position": "Presidenta de la Comisión",
         "committee": "Comisión de la Mujer, la Niñez, la Juventud y la Familia"},
        {"title": "H.D.", "given": "Ricardo Alberto", "first": "Tejeira", "second": "Moscoso",
         "gender": "M", "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores"},
        {"title": "H.D.", "given": "Dalys Edith", "first": "Castrellón", "second": "Vergara",
         "gender": "F", "position": "Vicepresidenta de la Comisión",
         "committee": "Comisión de Relaciones Exteriores"},
        {"title": "H.D.", "given": "Eyra Janeth", "first": "Saavedra", "second": "Pinilla",
         "gender": "F", "note": _VEGETARIAN, "position": "Integrante",
         "committee": "Comisión de la Mujer, la Niñez, la Juventud y la Familia"},
        {"title": "H.D.", "given": "Luis Ernesto", "first": "Ng", "second": "Barrios",
         "gender": "M", "position": "Integrante",
         "committee": "Comisión de Relaciones Exteriores"},
    ),
}

DOMINICAN_REPUBLIC = {
    "delegation": "DO",
    "category": "lawmaker",
    "institution": "Congreso Nacional de la República Dominicana",
    "chamber": "Cámara de Diputados",
    "language": "es",
    "domain": "example.do",
    "phone": "+1 809 ###-####",
    "people": (
        {"title": "Diputada", "given": "Josefina Mercedes", "first": "Peña", "second": "Almánzar",
         "gender": "F", "head": True, "note": _HEAD, "position": "Presidenta de la Comisión",
         "committee": "Comisión Permanente de Asuntos de Equidad de Género"},
        {"title": "Sen.", "given": "Rafael Antonio", "first": "Guzmán",
         "second": "de los Santos", "gender": "M", "chamber": "Senado",
         "position": "Presidente de la Comisión",
         "committee": "Comisión Permanente de Relaciones Exteriores y Cooperación "
                      "Internacional"},
        {"title": "Diputada", "given": "Yokasta Minerva", "first": "Almonte", "second": "Santana",
         "gender": "F", "position": "Secretaria de la Comisión",
         "committee": "Comisión Permanente de Dominicanos en el Exterior"},
        {"title": "Dip.", "given": "Félix Manuel", "first": "Reyes", "second": "Báez",
         "gender": "M", "position": "Integrante",
         "committee": "Comisión Permanente de Dominicanos en el Exterior"},
        {"title": "Diputada", "given": "Ramona Altagracia", "first": "Tavárez",
         "second": "Encarnación", "gender": "F", "position": "Integrante",
         "committee": "Comisión Permanente de Asuntos de Equidad de Género"},
        {"title": "Senadora", "given": "Cristina Lorena", "first": "Sánchez-Mañón",
         "second": "Ureña", "gender": "F", "chamber": "Senado", "position": "Integrante",
         "committee": "Comisión Permanente de Género y Equidad"},
    ),
}

MEMBER_GROUPS = (
    BELIZE, CANADA, COSTA_RICA, EL_SALVADOR, UNITED_STATES, GUATEMALA, HONDURAS, MEXICO,
    NICARAGUA, PANAMA, DOMINICAN_REPUBLIC,
)

# --- everyone else -----------------------------------------------------------------------

PRESIDENCY = {
    "delegation": "PPT",
    "category": "official",
    "institution": "Ministerio de Relaciones Exteriores de El Salvador",
    "language": "es",
    "domain": "example.sv",
    "phone": "+503 2###-####",
    "people": (
        {"key": "ppt-head", "title": "Licda.", "given": "Claudia Marisol",
         "first": "Henríquez", "second": "de Mejía", "gender": "F", "head": True,
         "note": "Presidencia Pro-Tempore: recibir en protocolo / Presidency Pro-Tempore: "
                 "meet at protocol",
         "position": "Viceministra para los Salvadoreños en el Exterior"},
        {"title": "Lic.", "given": "Ernesto Rafael", "first": "Quintanilla", "second": "Bonilla",
         "gender": "M",
         "position": "Director General de Vinculación con Salvadoreños en el Exterior"},
        {"title": "Licda.", "given": "Fátima Guadalupe", "first": "Mena", "second": "Sorto",
         "gender": "F", "position": "Coordinadora de la Presidencia Pro-Tempore de la CRM"},
        {"title": "Lic.", "given": "Rubén Darío", "first": "Cáceres", "second": "Ayala",
         "gender": "M", "position": "Asesor en Asuntos Migratorios"},
    ),
}

SECRETARIAT = {
    "delegation": "ST",
    "category": "secretariat",
    "institution": "Secretaría Técnica de la Conferencia Regional sobre Migración",
    "language": "es",
    "domain": "example.org",
    "phone": "+506 2###-####",
    "people": (
        {"key": "st-head", "title": "Mtra.", "given": "Silvia Elena", "first": "Barquero",
         "second": "Montoya", "gender": "F", "head": True,
         "position": "Coordinadora de la Secretaría Técnica"},
        {"key": "st-officer", "title": "Lic.", "given": "Andrés Felipe", "first": "Rojas",
         "second": "Umaña", "gender": "M", "position": "Oficial de Proyectos"},
        {"title": "Licda.", "given": "Daniela Sofía", "first": "Vargas", "second": "Brenes",
         "gender": "F", "position": "Asistente de Coordinación"},
        {"title": "Lic.", "given": "Mauricio José", "first": "Loría", "second": "Picado",
         "gender": "M", "position": "Oficial de Comunicación"},
        {"title": "Licda.", "given": "Wendy Carolina", "first": "Zamora", "second": "Ulate",
         "gender": "F", "position": "Relatora"},
    ),
}

_IOM = "Organización Internacional para las Migraciones (OIM / IOM)"
_UNHCR = "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR / UNHCR)"
_UN_WOMEN = "ONU Mujeres (UN Women)"

INTERNATIONAL = {
    "delegation": "OI",
    "category": "international",
    "language": "es",
    "domain": "example.org",
    "phone": "+507 3##-####",
    "people": (
        {"title": "Dra.", "given": "Helena Kristina", "first": "Lindqvist", "gender": "F",
         "language": "en", "institution": _IOM,
         "position": "Regional Director for Central America, North America and the Caribbean"},
        {"title": "Sra.", "given": "Mariela", "first": "Fonseca", "second": "Guevara",
         "gender": "F", "institution": _IOM,
         "position": "Oficial Regional de Género y Migración"},
        {"title": "Mr.", "given": "Jean-Baptiste", "first": "Ndiaye", "gender": "M",
         "language": "fr", "institution": _IOM,
         "position": "Programme Officer, Migrant Protection and Assistance"},
        {"title": "Sra.", "given": "Lucía Inés", "first": "Berrocal", "second": "Sáenz",
         "gender": "F", "institution": _UNHCR, "position": "Representante Adjunta"},
        {"title": "Mr.", "given": "Matthias", "first": "Köhler", "gender": "M",
         "language": "en", "institution": _UNHCR, "position": "Senior Protection Officer"},
        {"title": "Sra.", "given": "Rosario Itzel", "first": "Gutiérrez", "second": "Bermúdez",
         "gender": "F", "institution": _UN_WOMEN,
         "position": "Especialista en Migración y Derechos de las Mujeres"},
        {"title": "Ms.", "given": "Nadia", "first": "Haddad", "gender": "F", "language": "en",
         "institution": _UN_WOMEN, "position": "Programme Specialist, Women's Economic "
                                               "Empowerment"},
        {"title": "Sra.", "given": "Verónica", "first": "Patiño", "second": "Lozano",
         "gender": "F", "institution": "Fondo de las Naciones Unidas para la Infancia "
                                       "(UNICEF)",
         "position": "Oficial de Protección de la Niñez Migrante"},
        {"title": "M.", "given": "Étienne", "first": "Dufour-Rochat", "gender": "M",
         "language": "fr", "note": _INTERPRETER_FR,
         "institution": "Comité Internacional de la Cruz Roja (CICR / ICRC)",
         "position": "Délégué régional, rétablissement des liens familiaux"},
        {"title": "Dra.", "given": "Paola Andrea", "first": "Restrepo", "second": "Uribe",
         "gender": "F", "institution": "Fondo de Población de las Naciones Unidas (UNFPA)",
         "position": "Asesora Regional en Género"},
        {"title": "Dr.", "given": "Marcelo Augusto", "first": "Ferreira", "second": "Lima",
         "gender": "M",
         "institution": "Comisión Interamericana de Derechos Humanos (CIDH / OEA)",
         "position": "Especialista, Relatoría sobre los Derechos de los Migrantes"},
        {"title": "Sr.", "given": "Gonzalo Ignacio", "first": "Echeverría", "second": "Larraín",
         "gender": "M", "institution": "Organización Internacional del Trabajo (OIT / ILO)",
         "position": "Especialista en Migración Laboral"},
        {"title": "Licda.", "given": "Zoila Esperanza", "first": "Aguilar", "second": "Rodas",
         "gender": "F",
         "institution": "Sistema de la Integración Centroamericana (SICA)",
         "position": "Técnica de la Secretaría de Integración Social"},
    ),
}

ASPARLEXSAL = {
    "delegation": "ASPARLEXSAL",
    "category": "civil_society",
    "institution": "Asociación de Exdiputadas Salvadoreñas (ASPARLEXSAL)",
    "language": "es",
    "domain": "example.sv",
    "phone": "+503 7###-####",
    "people": (
        {"title": "Licda.", "given": "Ana Gloria", "first": "Montoya", "second": "de Arévalo",
         "gender": "F", "head": True, "position": "Presidenta"},
        {"title": "Dra.", "given": "Irma Yolanda", "first": "Cañas", "second": "de Zepeda",
         "gender": "F", "position": "Vicepresidenta"},
        {"title": "Licda.", "given": "Marta Eugenia", "first": "Villatoro", "second": "Funes",
         "gender": "F", "position": "Secretaria"},
        {"title": "Sra.", "given": "Blanca Estela", "first": "Rivas", "second": "Durán",
         "gender": "F", "position": "Tesorera"},
        {"title": "Profa.", "given": "Dina Marisela", "first": "Ascencio", "second": "de Flores",
         "gender": "F", "note": _WHEELCHAIR, "position": "Vocal"},
        {"title": "Licda.", "given": "Carmen Elena", "first": "Molina", "second": "Beltrán",
         "gender": "F", "position": "Vocal"},
    ),
}

_PARLACEN = "Parlamento Centroamericano (PARLACEN)"

OBSERVERS = {
    "delegation": "OBS",
    "category": "lawmaker",
    "language": "es",
    "domain": "example.int",
    "phone": "+502 2###-####",
    "people": (
        {"title": "Dip.", "given": "Elsa Marina", "first": "Cabrera", "second": "Duarte",
         "gender": "F", "institution": _PARLACEN,
         "position": "Presidenta de la Comisión de la Mujer, Niñez, Juventud y Familia"},
        {"title": "Dip.", "given": "Gustavo Adolfo", "first": "Saravia", "second": "Portillo",
         "gender": "M", "institution": _PARLACEN, "position": "Integrante"},
        {"title": "Sen.", "given": "Ana Paula", "first": "Benítez", "second": "Ojeda",
         "gender": "F", "institution": "Parlamento Latinoamericano y Caribeño (PARLATINO)",
         "phone": "+507 2##-####", "position": "Secretaria de Comisión",
         "committee": "Comisión de Equidad de Género, Niñez y Juventud"},
        {"title": "Emb.", "given": "Jorge Luis", "first": "Salazar", "second": "Cárdenas",
         "gender": "M", "category": "official", "domain": "example.co",
         "phone": "+52 55 ####-####",
         "institution": "Embajada de Colombia en México (país observador de la CRM)",
         "position": "Embajador"},
    ),
}

GUESTS = {
    "delegation": "INV",
    "category": "guest",
    "language": "es",
    "domain": "example.mx",
    "phone": "+52 961 ### ####",
    "people": (
        {"title": "Dra.", "given": "Patricia", "first": "Oliva", "second": "Robles",
         "gender": "F", "institution": "Comisión Nacional de los Derechos Humanos (CNDH)",
         "phone": "+52 55 ####-####", "position": "Visitadora de Asuntos Migratorios"},
        {"title": "Mtra.", "given": "Lourdes Yadira", "first": "Gómez", "second": "Solórzano",
         "gender": "F", "institution": "El Colegio de la Frontera Sur",
         "position": "Investigadora, Género y Migración"},
        {"title": "Dip.", "given": "Olga Lidia", "first": "Coutiño", "second": "Ruiz",
         "gender": "F", "institution": "Congreso del Estado de Chiapas",
         "position": "Presidenta de la Comisión de Equidad de Género"},
        {"title": "Sra.", "given": "Juana Petrona", "first": "Gómez", "second": "López",
         "gender": "F", "institution": "Red de Mujeres Migrantes del Soconusco",
         "position": "Coordinadora"},
        {"title": "Dr.", "given": "Sebastián Andrés", "first": "Ruiz-Tagle", "second": "Valdés",
         "gender": "M", "institution": "Universidad Autónoma de Chiapas",
         "position": "Profesor investigador"},
        {"title": "Hno.", "given": "Tomás Ignacio", "first": "Aguirre", "second": "Solano",
         "gender": "M", "institution": "Albergue Casa de la Migrante de Tapachula",
         "position": "Director"},
    ),
}

STAFF = {
    "delegation": None,
    "category": "staff",
    "institution": "Comité Organizador del Encuentro",
    "language": "es",
    "domain": "example.mx",
    "phone": "+52 961 ### ####",
    "people": (
        {"title": "Lic.", "given": "Rodrigo Emiliano", "first": "Pineda", "second": "Tovar",
         "gender": "M", "position": "Coordinador de logística"},
        {"title": "", "given": "Karen Michelle", "first": "Osorio", "second": "Lemus",
         "gender": "F", "position": "Acreditación y mesa de registro"},
        {"title": "Ing.", "given": "Iván Alejandro", "first": "Ríos", "second": "Córdova",
         "gender": "M", "position": "Soporte técnico, sonido e interpretación simultánea"},
        {"title": "", "given": "Claire-Hélène", "first": "Fortin", "gender": "F",
         "language": "fr", "institution": "Interpretación Simultánea del Sureste, S.C.",
         "position": "Intérprete de conferencia (fr-es)"},
        {"title": "", "given": "Gabriela Inés", "first": "Ferrer", "second": "Montalvo",
         "gender": "F", "institution": "Interpretación Simultánea del Sureste, S.C.",
         "position": "Intérprete de conferencia (en-es)"},
        {"title": "", "given": "Michael James", "first": "Donovan", "gender": "M",
         "language": "en", "institution": "Interpretación Simultánea del Sureste, S.C.",
         "position": "Conference interpreter (es-en)"},
        {"title": "", "given": "Paloma Andrea", "first": "Saldívar", "second": "Ochoa",
         "gender": "F", "institution": "Interpretación Simultánea del Sureste, S.C.",
         "position": "Intérprete de conferencia (en-es)"},
    ),
}

PRESS = {
    "delegation": None,
    "category": "press",
    "language": "es",
    "domain": "example.com",
    "phone": "+52 961 ### ####",
    "people": (
        {"title": "", "given": "Valeria", "first": "Montes de Oca", "second": "Ibarra",
         "gender": "F", "institution": "Diario La Frontera Sur", "position": "Reportera"},
        {"title": "", "given": "Esteban Gilberto", "first": "Moreno", "second": "Aké",
         "gender": "M", "institution": "Agencia Informativa del Istmo", "position": "Fotógrafo"},
        {"title": "", "given": "Samantha", "first": "Reyes-O'Brien", "gender": "F",
         "language": "en", "institution": "Gulf & Border News Service",
         "phone": "+1 210 555-01##", "position": "Correspondent"},
        {"title": "", "given": "Luis Fernando", "first": "Cordero", "second": "Zúñiga",
         "gender": "M", "institution": "Televisión Legislativa Centroamericana",
         "position": "Camarógrafo"},
        {"title": "", "given": "Mariana Sofía", "first": "Trujillo", "second": "Ávila",
         "gender": "F", "institution": "Radio Sumidero 94.1 FM",
         "position": "Jefa de información"},
    ),
}

OTHER_GROUPS = (PRESIDENCY, SECRETARIAT, INTERNATIONAL, ASPARLEXSAL, OBSERVERS, GUESTS, STAFF,
                PRESS)

GROUPS = MEMBER_GROUPS + OTHER_GROUPS

# --- the five sittings -------------------------------------------------------------------

SITTINGS = (
    {
        "number": 1,
        "title_es": "Sesión de apertura",
        "title_en": "Opening session",
        "date": dt.date(2017, 9, 4),
        "start": dt.time(9, 30),
        "end": dt.time(11, 0),
        "room": "Salón Chiapas",
        "chair": "ppt-head",
        "secretary": "st-head",
        "speaking": 180,
        "agenda": (
            ("Instalación de la sesión y verificación del quórum",
             "Opening of the sitting and verification of the quorum"),
            ("Palabras de bienvenida de la Presidencia Pro-Tempore de la CRM",
             "Welcoming remarks by the RCM Presidency Pro-Tempore"),
            ("Palabras de la delegación anfitriona del Senado de la República de México",
             "Remarks by the host delegation of the Senate of Mexico"),
            ("Aprobación de la agenda y del método de trabajo",
             "Adoption of the agenda and of the methods of work"),
            ("Presentación de los resultados esperados del Encuentro por la Secretaría Técnica",
             "Presentation of the expected results of the Encounter by the Technical "
             "Secretariat"),
        ),
    },
    {
        "number": 2,
        "title_es": "Panel: los derechos de las mujeres migrantes",
        "title_en": "Panel: the rights of migrant women",
        "date": dt.date(2017, 9, 4),
        "start": dt.time(11, 30),
        "end": dt.time(14, 0),
        "room": "Salón Chiapas",
        "chair": "mx-head",
        "secretary": "st-officer",
        "speaking": 300,
        "agenda": (
            ("Presentación de las panelistas de la OIM, el ACNUR y ONU Mujeres",
             "Introduction of the panellists from IOM, UNHCR and UN Women"),
            ("Los derechos de las mujeres migrantes en origen, tránsito, destino y retorno",
             "The rights of migrant women in origin, transit, destination and return"),
            ("Preguntas y diálogo con las delegaciones",
             "Questions and dialogue with the delegations"),
            ("Conclusiones del panel", "Conclusions of the panel"),
        ),
    },
    {
        "number": 3,
        "title_es": "Mesas de trabajo: iniciativas legislativas en favor de las mujeres migrantes",
        "title_en": "Working groups: legislative initiatives in favour of migrant women",
        "date": dt.date(2017, 9, 5),
        "start": dt.time(9, 0),
        "end": dt.time(13, 0),
        "room": "Salón Sumidero",
        "chair": "sv-head",
        "secretary": "st-officer",
        "speaking": 180,
        "agenda": (
            ("Mesa 1: acceso a la justicia y protección frente a la violencia de género",
             "Working group 1: access to justice and protection against gender-based violence"),
            ("Mesa 2: trabajo decente, salud y documentación de las mujeres migrantes",
             "Working group 2: decent work, health and documents for migrant women"),
            ("Mesa 3: mecanismo de seguimiento y hoja de ruta a corto y mediano plazo",
             "Working group 3: short- and medium-term monitoring mechanism and road map"),
            ("Informe de las mesas al plenario y registro de las iniciativas legislativas",
             "Report of the working groups to the plenary and record of the legislative "
             "initiatives"),
        ),
    },
    {
        "number": 4,
        "title_es": "Adopción de la Declaración sobre Mujeres Migrantes",
        "title_en": "Adoption of the Declaration on Migrant Women",
        "date": dt.date(2017, 9, 6),
        "start": dt.time(9, 30),
        "end": dt.time(12, 30),
        "room": "Salón Chiapas",
        "chair": "ppt-head",
        "secretary": "st-head",
        "speaking": 180,
        "agenda": (
            ("Lectura del proyecto de Declaración sobre Mujeres Migrantes",
             "Reading of the draft Declaration on Migrant Women"),
            ("Debate y enmiendas al proyecto", "Debate and amendments to the draft"),
            ("Adopción de la Declaración", "Adoption of the Declaration"),
            ("Compromisos de iniciativas legislativas por delegación",
             "Legislative initiatives pledged by each delegation"),
        ),
    },
    {
        "number": 5,
        "title_es": "Sesión de clausura",
        "title_en": "Closing session",
        "date": dt.date(2017, 9, 6),
        "start": dt.time(13, 0),
        "end": dt.time(14, 0),
        "room": "Salón Chiapas",
        "chair": "mx-head",
        "secretary": "st-head",
        "speaking": 180,
        "agenda": (
            ("Presentación de la hoja de ruta y del mecanismo de seguimiento",
             "Presentation of the road map and of the monitoring mechanism"),
            ("Palabras de clausura de la Presidencia Pro-Tempore y de la delegación anfitriona",
             "Closing remarks by the Presidency Pro-Tempore and the host delegation"),
            ("Clausura del Encuentro", "Closing of the Encounter"),
        ),
    },
)

WARNING_SECONDS = 30
