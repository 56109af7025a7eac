<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CLI</name>
    <message>
        <source>Demo event ready in {where}: {participants} participants, {delegations} delegations, {sittings} sittings.</source>
        <translation>Evento de demostración listo en {where}: {participants} participantes, {delegations} delegaciones, {sittings} sesiones.</translation>
    </message>
    <message>
        <source>Roster template written to {path}.</source>
        <translation>Plantilla de lista de participantes guardada en {path}.</translation>
    </message>
    <message>
        <source>{count} participants written to {path}.</source>
        <translation>{count} participantes guardados en {path}.</translation>
    </message>
    <message>
        <source>Reference: {code}</source>
        <translation>Referencia: {code}</translation>
    </message>
    <message>
        <source>Dates: {start} to {end}</source>
        <translation>Fechas: del {start} al {end}</translation>
    </message>
    <message>
        <source>Venue: {venue}</source>
        <translation>Sede: {venue}</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Base de datos: {where}</translation>
    </message>
    <message>
        <source>Delegations: {n}</source>
        <translation>Delegaciones: {n}</translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation>Participantes: {n}</translation>
    </message>
    <message>
        <source>Sittings: {n}</source>
        <translation>Sesiones: {n}</translation>
    </message>
    <message>
        <source>--column takes "HEADER=field", for example --column "Cargo actual=position"; got {item!r}.</source>
        <translation>--column espera «ENCABEZADO=campo», por ejemplo --column "Cargo actual=position"; se recibió {item!r}.</translation>
    </message>
    <message>
        <source>There is no display to open the app on: run it from a desktop session, under a virtual display (xvfb-run encounter-desk), or offscreen with QT_QPA_PLATFORM=offscreen.</source>
        <translation>No hay pantalla donde abrir la aplicación: ejecútela desde una sesión de escritorio, en una pantalla virtual (xvfb-run encounter-desk) o sin pantalla con QT_QPA_PLATFORM=offscreen.</translation>
    </message>
    <message>
        <source>Runs a parliamentary meeting offline: QR check-in, the list of speakers and the clock, attendance, and the minutes. With no command, opens the desktop app.</source>
        <translation>Conduce una reunión parlamentaria sin conexión: registro con código QR, lista de oradores y cronómetro, asistencia y actas. Sin orden, abre la aplicación de escritorio.</translation>
    </message>
    <message>
        <source>Global options come before the command. Each command has its own --help.</source>
        <translation>Las opciones globales van antes de la orden. Cada orden tiene su propia ayuda (--help).</translation>
    </message>
    <message>
        <source>the event file (SQLite) to use</source>
        <translation>el archivo del evento (SQLite) que se usará</translation>
    </message>
    <message>
        <source>a database URL, e.g. postgresql+psycopg://user:pass@server/event (default: $ENCOUNTER_DESK_DATABASE, else the event file in the user data folder)</source>
        <translation>una dirección de base de datos, p. ej. postgresql+psycopg://usuario:clave@servidor/evento (por omisión: $ENCOUNTER_DESK_DATABASE o, si no, el archivo del evento en la carpeta de datos del usuario)</translation>
    </message>
    <message>
        <source>language of the app and its messages</source>
        <translation>idioma de la aplicación y de sus mensajes</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>mostrar la versión y salir</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>ORDEN</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>órdenes</translation>
    </message>
    <message>
        <source>open the desktop app (the default)</source>
        <translation>abrir la aplicación de escritorio (por omisión)</translation>
    </message>
    <message>
        <source>Open the desktop app on the event.</source>
        <translation>Abre la aplicación de escritorio con el evento.</translation>
    </message>
    <message>
        <source>fill the event file with the demo encounter</source>
        <translation>llenar el archivo del evento con el encuentro de demostración</translation>
    </message>
    <message>
        <source>Fill the event file with the demo encounter: the 11 delegations, about 120 participants and five sittings.</source>
        <translation>Llena el archivo del evento con el encuentro de demostración: las 11 delegaciones, unos 120 participantes y cinco sesiones.</translation>
    </message>
    <message>
        <source>open the desktop app afterwards</source>
        <translation>abrir después la aplicación de escritorio</translation>
    </message>
    <message>
        <source>replace an event that the file already holds</source>
        <translation>reemplazar el evento que el archivo ya contiene</translation>
    </message>
    <message>
        <source>import participants from CSV or XLSX</source>
        <translation>importar participantes desde CSV o XLSX</translation>
    </message>
    <message>
        <source>Import participants from a CSV or XLSX file. All or nothing: a file with any bad row imports nothing and every bad row is reported.</source>
        <translation>Importa participantes desde un archivo CSV o XLSX. Todo o nada: si una fila tiene errores no se importa nada y se informa de cada fila con errores.</translation>
    </message>
    <message>
        <source>the roster (.csv or .xlsx)</source>
        <translation>la lista de participantes (.csv o .xlsx)</translation>
    </message>
    <message>
        <source>check the file, write nothing</source>
        <translation>revisar el archivo sin guardar nada</translation>
    </message>
    <message>
        <source>read a column with another header as a field (repeatable)</source>
        <translation>leer como campo una columna con otro encabezado (se puede repetir)</translation>
    </message>
    <message>
        <source>the XLSX sheet to read (default: the first)</source>
        <translation>la hoja del XLSX que se leerá (por omisión: la primera)</translation>
    </message>
    <message>
        <source>export participants to CSV or XLSX</source>
        <translation>exportar participantes a CSV o XLSX</translation>
    </message>
    <message>
        <source>Write the participants to a CSV or XLSX file that import-roster reads back.</source>
        <translation>Guarda los participantes en un archivo CSV o XLSX que import-roster puede volver a leer.</translation>
    </message>
    <message>
        <source>the file to write (.csv or .xlsx)</source>
        <translation>el archivo que se escribirá (.csv o .xlsx)</translation>
    </message>
    <message>
        <source>write an empty template with example rows instead</source>
        <translation>escribir en su lugar una plantilla vacía con filas de ejemplo</translation>
    </message>
    <message>
        <source>show the event, its file and its counts</source>
        <translation>mostrar el evento, su archivo y sus totales</translation>
    </message>
    <message>
        <source>Show the event, where its database is, and its counts.</source>
        <translation>Muestra el evento, dónde está su base de datos y sus totales.</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Error: {message}</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Lawmaker</source>
        <translation>Legislador(a)</translation>
    </message>
    <message>
        <source>Government official</source>
        <translation>Funcionario(a) de gobierno</translation>
    </message>
    <message>
        <source>International organization</source>
        <translation>Organismo internacional</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secretaría</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Sociedad civil</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Prensa</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invitado(a)</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Give either a file (--db) or a server URL (--database), not both.</source>
        <translation>Indique un archivo (--db) o la dirección de un servidor (--database), no ambos.</translation>
    </message>
    <message>
        <source>The event file {path} cannot be opened: {reason}</source>
        <translation>No se puede abrir el archivo del evento {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not an Encounter Desk event file, or it is damaged ({reason}). Open another file, or restore a backup.</source>
        <translation>{path} no es un archivo de evento de Encounter Desk o está dañado ({reason}). Abra otro archivo o restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>{url} is not a database address.</source>
        <translation>{url} no es la dirección de una base de datos.</translation>
    </message>
    <message>
        <source>There is no event file at {path}.</source>
        <translation>No hay ningún archivo de evento en {path}.</translation>
    </message>
    <message>
        <source>The database server at {url} cannot be reached. Check the network and that the server is running, then try again. ({reason})</source>
        <translation>No se puede conectar con el servidor de base de datos en {url}. Compruebe la red y que el servidor esté en marcha, y vuelva a intentarlo. ({reason})</translation>
    </message>
    <message>
        <source>{where} holds a database that is not an Encounter Desk event. It was left untouched; open an event file instead.</source>
        <translation>{where} contiene una base de datos que no es un evento de Encounter Desk. No se ha modificado; abra un archivo de evento.</translation>
    </message>
    <message>
        <source>{where} was made by a newer version of Encounter Desk (schema {revision}). It was left untouched: install the newer version to open it.</source>
        <translation>{where} se creó con una versión más reciente de Encounter Desk (esquema {revision}). No se ha modificado: instale la versión más reciente para abrirlo.</translation>
    </message>
    <message>
        <source>The upgraded file fails its integrity checks: {problems}</source>
        <translation>El archivo actualizado no supera las comprobaciones de integridad: {problems}</translation>
    </message>
</context>
<context>
    <name>DelegationKind</name>
    <message>
        <source>Member country</source>
        <translation>País miembro</translation>
    </message>
    <message>
        <source>Presidency Pro-Tempore</source>
        <translation>Presidencia Pro-Tempore</translation>
    </message>
    <message>
        <source>Technical Secretariat</source>
        <translation>Secretaría Técnica</translation>
    </message>
    <message>
        <source>International organization</source>
        <translation>Organismo internacional</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Observador</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invitado</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>This file holds no event yet. Create one (File → New event) or fill it with the demo (encounter-desk demo).</source>
        <translation>Este archivo aún no contiene ningún evento. Cree uno (Archivo → Nuevo evento) o llénelo con la demostración (encounter-desk demo).</translation>
    </message>
    <message>
        <source>The event cannot end before it starts.</source>
        <translation>El evento no puede terminar antes de empezar.</translation>
    </message>
    <message>
        <source>This file already holds an event.</source>
        <translation>Este archivo ya contiene un evento.</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostrar esta ayuda y salir</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan los siguientes argumentos: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s puede corresponder a %(matches)s</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>no se puede abrir '%(filename)s': %(error)s</translation>
    </message>
</context>
</TS>
