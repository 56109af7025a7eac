<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AddParticipantDialog</name>
    <message>
        <source>Add participant</source>
        <translation>Agregar participante</translation>
    </message>
    <message>
        <source>(no delegation)</source>
        <translation>(sin delegación)</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tratamiento:</translation>
    </message>
    <message>
        <source>Given names:</source>
        <translation>Nombre(s):</translation>
    </message>
    <message>
        <source>First surname:</source>
        <translation>Primer apellido:</translation>
    </message>
    <message>
        <source>Second surname:</source>
        <translation>Segundo apellido:</translation>
    </message>
    <message>
        <source>Delegation:</source>
        <translation>Delegación:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Género:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Agenda item (Spanish)</source>
        <translation>Punto del orden del día (español)</translation>
    </message>
    <message>
        <source>Agenda item (English)</source>
        <translation>Punto del orden del día (inglés)</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Elija primero una sesión.</translation>
    </message>
    <message>
        <source>agenda item {number}</source>
        <translation>el punto {number} del orden del día</translation>
    </message>
    <message>
        <source>{total} agenda items</source>
        <translation>{total} puntos del orden del día</translation>
    </message>
    <message>
        <source>{shown} of {total} agenda items</source>
        <translation>{shown} de {total} puntos del orden del día</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>No quorum rule</source>
        <translation>Sin regla de quórum</translation>
    </message>
    <message>
        <source>A majority of the member delegations represented</source>
        <translation>Mayoría de las delegaciones miembro representadas</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Already present</source>
        <translation>Asistencia ya registrada</translation>
    </message>
    <message>
        <source>Replaced badge</source>
        <translation>Gafete reemplazado</translation>
    </message>
    <message>
        <source>Wrong event</source>
        <translation>Evento equivocado</translation>
    </message>
    <message>
        <source>Forged or damaged</source>
        <translation>Falsificado o dañado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Ausencia justificada</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Door scan</source>
        <translation>Lectura en la entrada</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Pase de lista</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Unknown badge layout {layout}; use one of: {choices}.</source>
        <translation>Formato de gafete desconocido: {layout}; use uno de estos: {choices}.</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Gafetes</translation>
    </message>
    <message>
        <source>There are no participants to print badges for.</source>
        <translation>No hay participantes para quienes imprimir gafetes.</translation>
    </message>
    <message>
        <source>There is no participant number {id}.</source>
        <translation>No existe ningún participante con el número {id}.</translation>
    </message>
    <message>
        <source>This badge has been reissued too many times.</source>
        <translation>Este gafete se ha reemitido demasiadas veces.</translation>
    </message>
</context>
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
        <source>--column takes &quot;HEADER=field&quot;, for example --column &quot;Cargo actual=position&quot;; got {item!r}.</source>
        <translation>--column espera «ENCABEZADO=campo», por ejemplo --column &quot;Cargo actual=position&quot;; se recibió {item!r}.</translation>
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
    <name>ChairWorkspace</name>
    <message>
        <source>Chair</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <source>Run a session: the list of speakers, points of order, and a clock for the projector.</source>
        <translation>Conduzca una sesión: la lista de oradores, las cuestiones de orden y un cronómetro para el proyector.</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>A stopwatch has no limit to change; set a speaking time first.</source>
        <translation>En modo cronómetro libre no hay límite que modificar; fije primero un tiempo de intervención.</translation>
    </message>
</context>
<context>
    <name>ComingSoonWorkspace</name>
    <message>
        <source>{workspace}: coming in the next release</source>
        <translation>{workspace}: disponible en la próxima versión</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <source>Checked in: {checked} / {expected}</source>
        <translation>Registrados: {checked} / {expected}</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
</context>
<context>
    <name>CreateEventPage</name>
    <message>
        <source>Create the event</source>
        <translation>Crear el evento</translation>
    </message>
    <message>
        <source>This file holds no event yet. Describe the event; the 11 member delegations of the RCM and the non-country groups are added for you.</source>
        <translation>Este archivo aún no contiene ningún evento. Describa el evento; las 11 delegaciones miembro de la CRM y los grupos que no son países se agregan automáticamente.</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Crear evento</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk holding {where} is full, so the last change could not be saved. What was saved before is intact. Free some space (or back up to another drive) and try again.</source>
        <translation>El disco que contiene {where} está lleno, por lo que no se pudo guardar el último cambio. Lo guardado anteriormente está intacto. Libere espacio (o haga una copia de seguridad en otra unidad) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{where} is read-only (the file, its folder or its drive), so the last change could not be saved. What was saved before is intact. Copy the file to a folder you can write to and open it from there.</source>
        <translation>{where} es de solo lectura (el archivo, su carpeta o su unidad), por lo que no se pudo guardar el último cambio. Lo guardado anteriormente está intacto. Copie el archivo a una carpeta en la que pueda escribir y ábralo desde allí.</translation>
    </message>
    <message>
        <source>{where} is locked by another program, so the last change could not be saved. Close the other program (or wait for it to finish) and try again.</source>
        <translation>{where} está bloqueado por otro programa, por lo que no se pudo guardar el último cambio. Cierre el otro programa (o espere a que termine) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{where} is damaged ({reason}). Stop working on it and restore the latest backup (File → Restore from backup…).</source>
        <translation>{where} está dañado ({reason}). Deje de trabajar con él y restaure la copia de seguridad más reciente (Archivo → Restaurar copia de seguridad…).</translation>
    </message>
    <message>
        <source>{where} cannot be reached (its folder or drive is missing or was removed), so the last change could not be saved. Reconnect the drive and try again.</source>
        <translation>No se puede acceder a {where} (falta su carpeta o unidad, o se retiró), por lo que no se pudo guardar el último cambio. Vuelva a conectar la unidad e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database server at {where} cannot be reached, so nothing was recorded. Check the network cable or Wi-Fi and that the server is running, then try again. ({reason})</source>
        <translation>No se puede conectar con el servidor de base de datos en {where}, por lo que no se registró nada. Compruebe el cable de red o el wifi y que el servidor esté en marcha, y vuelva a intentarlo. ({reason})</translation>
    </message>
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
    <message>
        <source>The source and the target are the same database.</source>
        <translation>El origen y el destino son la misma base de datos.</translation>
    </message>
    <message>
        <source>{target} already holds data ({tables}); nothing was copied. Copy into an empty database.</source>
        <translation>{target} ya contiene datos ({tables}); no se copió nada. Copie en una base de datos vacía.</translation>
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
    <name>DelegationsModel</name>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name (Spanish)</source>
        <translation>Nombre (español)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Nombre (inglés)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>{total} delegations</source>
        <translation>{total} delegaciones</translation>
    </message>
    <message>
        <source>{shown} of {total} delegations</source>
        <translation>{shown} de {total} delegaciones</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{where} already holds an event ({name}). Use --force to replace it with the demo, or choose another file.</source>
        <translation>{where} ya contiene un evento ({name}). Use --force para reemplazarlo con la demostración o elija otro archivo.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Admitted</source>
        <translation>Acceso concedido</translation>
    </message>
    <message>
        <source>Admitted — attention</source>
        <translation>Acceso concedido — atención</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Llegada ya registrada</translation>
    </message>
    <message>
        <source>Replaced badge</source>
        <translation>Gafete reemplazado</translation>
    </message>
    <message>
        <source>Wrong event</source>
        <translation>Evento equivocado</translation>
    </message>
    <message>
        <source>Forged or damaged</source>
        <translation>Falsificado o dañado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefe(a) de delegación</translation>
    </message>
    <message>
        <source>Unknown scan source {source!r}.</source>
        <translation>Origen de lectura desconocido: {source!r}.</translation>
    </message>
    <message>
        <source>Give a reason to undo a check-in.</source>
        <translation>Indique el motivo para anular un registro de llegada.</translation>
    </message>
    <message>
        <source>There is no participant number {id}.</source>
        <translation>No existe ningún participante con el número {id}.</translation>
    </message>
    <message>
        <source>Participant {id} is not checked in; nothing to undo.</source>
        <translation>El número de participante {id} no tiene registrada la llegada; no hay nada que anular.</translation>
    </message>
    <message>
        <source>No delegation</source>
        <comment>es</comment>
        <translation>Sin delegación</translation>
    </message>
    <message>
        <source>No delegation</source>
        <comment>en</comment>
        <translation>Sin delegación</translation>
    </message>
</context>
<context>
    <name>DeskWorkspace</name>
    <message>
        <source>Registration desk</source>
        <translation>Mesa de registro</translation>
    </message>
    <message>
        <source>Check people in with a badge scanner, with a verdict readable from a metre away.</source>
        <translation>Registre la llegada de las personas con un lector de gafetes y un resultado legible a un metro de distancia.</translation>
    </message>
    <message>
        <source>Registration desk — {desk}</source>
        <translation>Mesa de registro — {desk}</translation>
    </message>
    <message>
        <source>Scan a badge (the field below always listens):</source>
        <translation>Escanee un gafete (el campo de abajo siempre está listo para la lectura):</translation>
    </message>
    <message>
        <source>Waiting for the scanner…</source>
        <translation>En espera del lector…</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Beep once to admit, three times to stop the queue.</source>
        <translation>Un pitido para conceder el acceso; tres para detener la fila.</translation>
    </message>
    <message>
        <source>New participant…</source>
        <translation>Nuevo participante…</translation>
    </message>
    <message>
        <source>Check-in of {name} undone: {reason}</source>
        <translation>Se anuló el registro de llegada de {name}: {reason}</translation>
    </message>
    <message>
        <source>The badge could not be written: {error}</source>
        <translation>No se pudo generar el gafete: {error}</translation>
    </message>
    <message>
        <source>Badge of {name} ready to print: {path}</source>
        <translation>Gafete de {name} listo para imprimir: {path}</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Name in Spanish</source>
        <translation>Nombre en español</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Nombre en inglés</translation>
    </message>
    <message>
        <source>Short name in Spanish</source>
        <translation>Nombre corto en español</translation>
    </message>
    <message>
        <source>Short name in English</source>
        <translation>Nombre corto en inglés</translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation>Código de referencia</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>printed on badges and minutes, e.g. RCM-EP-2017</source>
        <translation>se imprime en los gafetes y en las actas, p. ej. RCM-EP-2017</translation>
    </message>
    <message>
        <source>Give the event a name in Spanish and in English.</source>
        <translation>Indique el nombre del evento en español y en inglés.</translation>
    </message>
    <message>
        <source>Give the event a reference code (it is printed on badges).</source>
        <translation>Indique un código de referencia para el evento (se imprime en los gafetes).</translation>
    </message>
    <message>
        <source>The last day cannot come before the first day.</source>
        <translation>El último día no puede ser anterior al primero.</translation>
    </message>
</context>
<context>
    <name>EventTab</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
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
    <name>GroupCountsModel</name>
    <message>
        <source>In / all</source>
        <translation>Registrados / total</translation>
    </message>
</context>
<context>
    <name>Initiatives</name>
    <message>
        <source>Bill</source>
        <translation>Iniciativa de ley</translation>
    </message>
    <message>
        <source>Reform</source>
        <translation>Reforma</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Point of agreement</source>
        <translation>Punto de acuerdo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Pledged</source>
        <translation>Comprometida</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Redactada</translation>
    </message>
    <message>
        <source>Tabled</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nuevo evento…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>&amp;Abrir evento…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Eventos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>&amp;Importar lista de participantes…</translation>
    </message>
    <message>
        <source>&amp;Export roster…</source>
        <translation>&amp;Exportar lista de participantes…</translation>
    </message>
    <message>
        <source>Export roster &amp;template…</source>
        <translation>Exportar &amp;plantilla de la lista…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Encounter Desk</source>
        <translation>&amp;Acerca de Encounter Desk</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Borrar la lista</translation>
    </message>
    <message>
        <source>This file no longer exists.</source>
        <translation>Este archivo ya no existe.</translation>
    </message>
    <message>
        <source>(no recent events)</source>
        <translation>(no hay eventos recientes)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The event could not be opened</source>
        <translation>No se pudo abrir el evento</translation>
    </message>
    <message>
        <source>There is no event file at {path}.</source>
        <translation>No hay ningún archivo de evento en {path}.</translation>
    </message>
    <message>
        <source>Event file upgraded</source>
        <translation>Archivo del evento actualizado</translation>
    </message>
    <message>
        <source>This file was made by an older version and has been upgraded. A copy of the original was kept at {path}.</source>
        <translation>Este archivo se creó con una versión anterior y se ha actualizado. Se guardó una copia del original en {path}.</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Abrir evento</translation>
    </message>
    <message>
        <source>Event files (*.sqlite *.db);;All files (*)</source>
        <translation>Archivos de evento (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Event files (*.sqlite)</source>
        <translation>Archivos de evento (*.sqlite)</translation>
    </message>
    <message>
        <source>There is already a file at {path}. Choose another name, or open it with File → Open event.</source>
        <translation>Ya existe un archivo en {path}. Elija otro nombre o ábralo con Archivo → Abrir evento.</translation>
    </message>
    <message>
        <source>About Encounter Desk</source>
        <translation>Acerca de Encounter Desk</translation>
    </message>
    <message>
        <source>Encounter Desk {version}
Runs a parliamentary meeting offline: QR check-in, the list of speakers and the clock, attendance and the minutes.</source>
        <translation>Encounter Desk {version}
Conduce una reunión parlamentaria sin conexión: registro con código QR, lista de oradores y cronómetro, asistencia y actas.</translation>
    </message>
</context>
<context>
    <name>MessageBridge</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Title</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Jefatura</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Desk note</source>
        <translation>Nota para la mesa</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>First surname</source>
        <translation>Primer apellido</translation>
    </message>
    <message>
        <source>Second surname</source>
        <translation>Segundo apellido</translation>
    </message>
    <message>
        <source>Chamber</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>{name}. Change the name in the columns Given names, First surname and Second surname.</source>
        <translation>{name}. Cambie el nombre en las columnas Nombre(s), Primer apellido y Segundo apellido.</translation>
    </message>
    <message>
        <source>(no delegation)</source>
        <translation>(sin delegación)</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source>Use the Add participant form.</source>
        <translation>Use el formulario Agregar participante.</translation>
    </message>
    <message>
        <source>{total} participants</source>
        <translation>{total} participantes</translation>
    </message>
    <message>
        <source>{shown} of {total} participants</source>
        <translation>{shown} de {total} participantes</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>By consensus</source>
        <translation>Por consenso</translation>
    </message>
    <message>
        <source>By vote</source>
        <translation>Por votación</translation>
    </message>
</context>
<context>
    <name>RecordsWorkspace</name>
    <message>
        <source>Records</source>
        <translation>Actas y registros</translation>
    </message>
    <message>
        <source>Attendance, agreements and initiatives, and the minutes of each session as PDF.</source>
        <translation>Asistencia, acuerdos e iniciativas, y el acta de cada sesión en PDF.</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>A roster is written as .xlsx or .csv; {name} is neither.</source>
        <translation>La lista de participantes se guarda como .xlsx o .csv; {name} no es ninguno de los dos.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
    <message>
        <source>Rosters {patterns};;All files (*)</source>
        <translation>Listas de participantes {patterns};;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>Importar lista de participantes</translation>
    </message>
    <message>
        <source>Roster not imported</source>
        <translation>No se importó la lista de participantes</translation>
    </message>
    <message>
        <source>{file} has problems, so nothing was imported. Correct these rows and import the file again:</source>
        <translation>{file} tiene errores, por lo que no se importó nada. Corrija estas filas y vuelva a importar el archivo:</translation>
    </message>
    <message>
        <source>Nothing to import: everyone in {file} is already registered as written.</source>
        <translation>No hay nada que importar: todas las personas de {file} ya figuran en la lista con los mismos datos.</translation>
    </message>
    <message>
        <source>{file} is ready: {created} new participants, {updated} changed, {unchanged} unchanged.</source>
        <translation>{file} está listo: {created} participantes nuevos, {updated} modificados, {unchanged} sin cambios.</translation>
    </message>
    <message>
        <source>Import {count}</source>
        <translation>Importar {count}</translation>
    </message>
    <message>
        <source>Imported {file}: {created} new participants, {updated} changed.</source>
        <translation>Se importó {file}: {created} participantes nuevos, {updated} modificados.</translation>
    </message>
    <message>
        <source>{file} could not be read: {reason}</source>
        <translation>No se pudo leer {file}: {reason}</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Exportar lista de participantes</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>No se pudo guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>{count} participants written to {path}.</source>
        <translation>{count} participantes guardados en {path}.</translation>
    </message>
</context>
<context>
    <name>RosterHeader</name>
    <message>
        <source>Title</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>Surnames</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>First surname</source>
        <translation>Primer apellido</translation>
    </message>
    <message>
        <source>Second surname</source>
        <translation>Segundo apellido</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Delegation code</source>
        <translation>Código de delegación</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Chamber</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefe(a) de delegación</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota para la mesa</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Find a participant</source>
        <translation>Buscar participante</translation>
    </message>
    <message>
        <source>Name, delegation or institution…</source>
        <translation>Nombre, delegación o institución…</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar llegada</translation>
    </message>
    <message>
        <source>Undo check-in…</source>
        <translation>Anular registro…</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Anular registro</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>No se encontró a nadie.</translation>
    </message>
    <message>
        <source>Undo the check-in of {name} (at {time}, desk {desk})? Say why:</source>
        <translation>¿Anular el registro de llegada de {name} ({time}, mesa {desk})? Indique el motivo:</translation>
    </message>
    <message>
        <source>Give a reason to undo a check-in.</source>
        <translation>Indique el motivo para anular un registro de llegada.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>✔ {time} · {desk}</source>
        <translation>✔ {time} · {desk}</translation>
    </message>
</context>
<context>
    <name>SetupWorkspace</name>
    <message>
        <source>Setup</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegaciones</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
</context>
<context>
    <name>SittingsModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Title (Spanish)</source>
        <translation>Título (español)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Título (inglés)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Speaking time (s)</source>
        <translation>Tiempo de intervención (s)</translation>
    </message>
    <message>
        <source>Warning (s)</source>
        <translation>Aviso (s)</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Puntos del orden del día</translation>
    </message>
    <message>
        <source>(no chair)</source>
        <translation>(sin presidencia)</translation>
    </message>
    <message>
        <source>session {number}</source>
        <translation>la sesión {number}</translation>
    </message>
    <message>
        <source>{total} sessions</source>
        <translation>{total} sesiones</translation>
    </message>
    <message>
        <source>{shown} of {total} sessions</source>
        <translation>{shown} de {total} sesiones</translation>
    </message>
</context>
<context>
    <name>SittingsPage</name>
    <message>
        <source>Agenda: choose a session above.</source>
        <translation>Orden del día: elija una sesión arriba.</translation>
    </message>
    <message>
        <source>Agenda of session {number}</source>
        <translation>Orden del día de la sesión {number}</translation>
    </message>
</context>
<context>
    <name>SpeechKind</name>
    <message>
        <source>Statement</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Point of order</source>
        <translation>Cuestión de orden</translation>
    </message>
    <message>
        <source>Right of reply</source>
        <translation>Derecho de réplica</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
</context>
<context>
    <name>SpeechState</name>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>En uso de la palabra</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluida</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No event is open</source>
        <translation>No hay ningún evento abierto</translation>
    </message>
    <message>
        <source>Open an event file, or create a new event.</source>
        <translation>Abra un archivo de evento o cree un evento nuevo.</translation>
    </message>
    <message>
        <source>Open event…</source>
        <translation>Abrir evento…</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Nuevo evento…</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Filter: type part of any cell (accents and case ignored)</source>
        <translation>Filtro: escriba parte de cualquier celda (sin distinguir acentos ni mayúsculas)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete {name}? This cannot be undone.</source>
        <translation>¿Eliminar {name}? Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <source>Export roster template</source>
        <translation>Exportar plantilla de la lista de participantes</translation>
    </message>
    <message>
        <source>Rosters {patterns};;All files (*)</source>
        <translation>Listas de participantes {patterns};;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>No se pudo guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>Roster template written to {path}.</source>
        <translation>Plantilla de lista de participantes guardada en {path}.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Ready — scan a badge</source>
        <translation>Listo — escanee un gafete</translation>
    </message>
    <message>
        <source>Or search by name on the right.</source>
        <translation>O busque por nombre a la derecha.</translation>
    </message>
    <message>
        <source>ADMITTED</source>
        <translation>ACCESO CONCEDIDO</translation>
    </message>
    <message>
        <source>ADMITTED — ATTENTION</source>
        <translation>ACCESO CONCEDIDO — ATENCIÓN</translation>
    </message>
    <message>
        <source>ALREADY CHECKED IN</source>
        <translation>LLEGADA YA REGISTRADA</translation>
    </message>
    <message>
        <source>BADGE REPLACED</source>
        <translation>GAFETE REEMPLAZADO</translation>
    </message>
    <message>
        <source>WRONG EVENT</source>
        <translation>EVENTO EQUIVOCADO</translation>
    </message>
    <message>
        <source>FORGED OR DAMAGED</source>
        <translation>FALSIFICADO O DAÑADO</translation>
    </message>
    <message>
        <source>UNKNOWN BADGE</source>
        <translation>GAFETE DESCONOCIDO</translation>
    </message>
    <message>
        <source>Already checked in at {desk}.</source>
        <translation>La llegada ya se registró en {desk}.</translation>
    </message>
    <message>
        <source>Checked in at {time} — {desk}.</source>
        <translation>Llegada registrada a las {time} — {desk}.</translation>
    </message>
    <message>
        <source>Checked in on {date} at {time} — {desk}.</source>
        <translation>Llegada registrada el {date} a las {time} — {desk}.</translation>
    </message>
    <message>
        <source>This badge (no. {old}) was replaced: a newer badge (no. {new}) exists. Keep this one; only the new badge admits.</source>
        <translation>Este gafete (n.º {old}) fue reemplazado: existe un gafete más reciente (n.º {new}). Retenga este gafete; solo el nuevo da acceso.</translation>
    </message>
    <message>
        <source>This badge is for another event.</source>
        <translation>Este gafete es de otro evento.</translation>
    </message>
    <message>
        <source>The code is not genuine or could not be read whole. Check the person&apos;s identity and search by name.</source>
        <translation>El código no es auténtico o no se pudo leer completo. Verifique la identidad de la persona y búsquela por nombre.</translation>
    </message>
    <message>
        <source>This badge belongs to no participant of this event. Search by name.</source>
        <translation>Este gafete no corresponde a ningún participante de este evento. Busque por nombre.</translation>
    </message>
    <message>
        <source>No more sessions are scheduled.</source>
        <translation>No hay más sesiones programadas.</translation>
    </message>
    <message>
        <source>First session: no. {number}, {title} — {date} at {time}</source>
        <translation>Próxima sesión: n.º {number}, {title} — {date} a las {time}</translation>
    </message>
    <message>
        <source>, {room}</source>
        <translation>, {room}</translation>
    </message>
    <message>
        <source>badge scan</source>
        <translation>lectura del gafete</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>cámara</translation>
    </message>
    <message>
        <source>search by name</source>
        <translation>búsqueda por nombre</translation>
    </message>
    <message>
        <source>walk-in registration</source>
        <translation>registro en sitio</translation>
    </message>
    <message>
        <source>{time} · {desk} · {source}</source>
        <translation>{time} · {desk} · {source}</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>New participant (walk-in)</source>
        <translation>Nuevo participante (registro en sitio)</translation>
    </message>
    <message>
        <source>(no delegation)</source>
        <translation>(sin delegación)</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source>Shown at every scan, e.g. head of delegation, wheelchair user</source>
        <translation>Se muestra en cada lectura, p. ej. jefe(a) de delegación, usuario(a) de silla de ruedas</translation>
    </message>
    <message>
        <source>The person is checked in and the badge opens for printing as soon as you register them.</source>
        <translation>Al dar de alta a la persona, se registra su llegada y se abre su gafete para imprimirlo.</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tratamiento:</translation>
    </message>
    <message>
        <source>Given names:</source>
        <translation>Nombre(s):</translation>
    </message>
    <message>
        <source>First surname:</source>
        <translation>Primer apellido:</translation>
    </message>
    <message>
        <source>Second surname:</source>
        <translation>Segundo apellido:</translation>
    </message>
    <message>
        <source>Delegation:</source>
        <translation>Delegación:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>Institución:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Cargo:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Género:</translation>
    </message>
    <message>
        <source>Desk note:</source>
        <translation>Nota para la mesa:</translation>
    </message>
    <message>
        <source>Register, check in and print badge</source>
        <translation>Dar de alta, registrar la llegada e imprimir el gafete</translation>
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
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>no se puede abrir &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Something went wrong</source>
        <translation>Se produjo un error</translation>
    </message>
    <message>
        <source>The app met an unexpected error and carried on. The details are in the log file {path}.

{summary}</source>
        <translation>La aplicación encontró un error inesperado y siguió funcionando. Los detalles están en el archivo de registro {path}.

{summary}</translation>
    </message>
</context>
</TS>
