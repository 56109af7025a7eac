<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Accreditation</name>
    <message>
        <source>There is no participant number {id}.</source>
        <translation>No existe el participante número {id}.</translation>
    </message>
    <message>
        <source>Say why the accreditation is withdrawn.</source>
        <translation>Indique por qué se retira la acreditación.</translation>
    </message>
    <message>
        <source>The accreditation of {name} was already withdrawn.</source>
        <translation>La acreditación de {name} ya había sido retirada.</translation>
    </message>
    <message>
        <source>The accreditation of {name} is not withdrawn.</source>
        <translation>La acreditación de {name} no está retirada.</translation>
    </message>
    <message>
        <source>This person&apos;s badge has been scanned, so they stay in the record: withdraw their accreditation instead (with a reason).</source>
        <translation>El gafete de esta persona ya fue escaneado, así que permanece en el registro: retire su acreditación en su lugar (con un motivo).</translation>
    </message>
</context>
<context>
    <name>AddParticipantDialog</name>
    <message>
        <source>Add participant</source>
        <translation>Agregar participante</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
</context>
<context>
    <name>AddSpeakerPanel</name>
    <message>
        <source>Add a speaker</source>
        <translation>Añadir un orador</translation>
    </message>
    <message>
        <source>Type a name or scan a badge, then Enter</source>
        <translation>Escriba un nombre o escanee un gafete y pulse Intro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Responde a</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Añadir a la lista</translation>
    </message>
    <message>
        <source>Any delegation</source>
        <translation>Todas las delegaciones</translation>
    </message>
    <message>
        <source>The speech on the floor, or the last one</source>
        <translation>La intervención en curso, o la última</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>AdoptionDialog</name>
    <message>
        <source>Adopt the declaration</source>
        <translation>Adoptar la declaración</translation>
    </message>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
    </message>
    <message>
        <source>Votes counted in the room</source>
        <translation>Votos contados en la sala</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>Abstenciones</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
    <message>
        <source>The adoption becomes an agreement of the session; the minutes print the declaration as its annex. Reservations and interpretive statements can be added afterwards.</source>
        <translation>La adopción queda como acuerdo de la sesión; el acta imprime la declaración como su anexo. Las reservas y declaraciones interpretativas pueden agregarse después.</translation>
    </message>
</context>
<context>
    <name>AdoptionPage</name>
    <message>
        <source>Adoption</source>
        <translation>Adopción</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>Adoptar…</translation>
    </message>
    <message>
        <source>Cancel the adoption</source>
        <translation>Anular la adopción</translation>
    </message>
    <message>
        <source>Reservations and interpretive statements</source>
        <translation>Reservas y declaraciones interpretativas</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Agregar…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modificar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save Word (.docx)…</source>
        <translation>Guardar Word (.docx)…</translation>
    </message>
    <message>
        <source>Save Akoma Ntoso…</source>
        <translation>Guardar Akoma Ntoso…</translation>
    </message>
    <message>
        <source>Preview amendments log</source>
        <translation>Vista previa del registro de enmiendas</translation>
    </message>
    <message>
        <source>Save amendments log…</source>
        <translation>Guardar el registro de enmiendas…</translation>
    </message>
    <message>
        <source>There is no draft declaration yet.</source>
        <translation>Aún no hay proyecto de declaración.</translation>
    </message>
    <message>
        <source>Not adopted yet.</source>
        <translation>Aún no se ha adoptado.</translation>
    </message>
    <message>
        <source>{count} amendments are still pending: each is decided or withdrawn before the adoption.</source>
        <translation>{count} enmiendas siguen pendientes: cada una se decide o se retira antes de la adopción.</translation>
    </message>
    <message>
        <source>Agreement {number} of session {session}; the minutes print the declaration as its annex.</source>
        <translation>Acuerdo {number} de la sesión {session}; el acta imprime la declaración como su anexo.</translation>
    </message>
    <message>
        <source>{count} paragraphs have no text in this language yet: the documents print them in the other language, marked &quot;translation pending&quot;.</source>
        <translation>{count} párrafos aún no tienen texto en este idioma: los documentos los imprimen en el otro idioma, con la nota «traducción pendiente».</translation>
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
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Agreement {number}</source>
        <translation>Acuerdo {number}</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Toda la sesión</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>next free number</source>
        <translation>siguiente número libre</translation>
    </message>
    <message>
        <source>A declaration printed in full as an annex</source>
        <translation>Declaración impresa íntegramente como anexo</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del orden del día</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Text (Spanish)</source>
        <translation>Texto (español)</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Texto (inglés)</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votos</translation>
    </message>
    <message>
        <source>Annex title</source>
        <translation>Título del anexo</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>Abstenciones</translation>
    </message>
    <message>
        <source>Vote taken by delegation</source>
        <translation>Votación por delegación</translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del orden del día</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>How adopted</source>
        <translation>Forma de aprobación</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Toda la sesión</translation>
    </message>
    <message>
        <source>agreement {number}</source>
        <translation>el acuerdo {number}</translation>
    </message>
    <message>
        <source>1 agreement</source>
        <translation>1 acuerdo</translation>
    </message>
    <message>
        <source>{total} agreements</source>
        <translation>{total} acuerdos</translation>
    </message>
    <message>
        <source>{shown} of {total} agreements</source>
        <translation>{shown} de {total} acuerdos</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Add agreement…</source>
        <translation>Agregar acuerdo…</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del orden del día</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>All agenda items</source>
        <translation>Todos los puntos del orden del día</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>The whole session (no agenda item)</source>
        <translation>Toda la sesión (sin punto del orden del día)</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Elija primero una sesión.</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>New amendment</source>
        <translation>Nueva enmienda</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>Enmienda {number}</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Párrafo</translation>
    </message>
    <message>
        <source>It would</source>
        <translation>Propone</translation>
    </message>
    <message>
        <source>Proposed by (the first checked proposes, the others co-sponsor)</source>
        <translation>Propuesta por (la primera marcada la presenta, las demás la copatrocinan)</translation>
    </message>
    <message>
        <source>Wording (Spanish)</source>
        <translation>Redacción (español)</translation>
    </message>
    <message>
        <source>Wording (English)</source>
        <translation>Redacción (inglés)</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Justificación</translation>
    </message>
</context>
<context>
    <name>AmendmentsPanel</name>
    <message>
        <source>All amendments</source>
        <translation>Todas las enmiendas</translation>
    </message>
    <message>
        <source>New amendment…</source>
        <translation>Nueva enmienda…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Add translation…</source>
        <translation>Agregar traducción…</translation>
    </message>
    <message>
        <source>▶ Show in the room</source>
        <translation>▶ Mostrar en la sala</translation>
    </message>
    <message>
        <source>Put this amendment under discussion (Alt+Right / Alt+Left step through them)</source>
        <translation>Poner esta enmienda en discusión (Alt+Derecha / Alt+Izquierda pasan de una a otra)</translation>
    </message>
    <message>
        <source>The chair&apos;s decision:</source>
        <translation>Decisión de la presidencia:</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Accepted as orally amended…</source>
        <translation>Aceptada con modificación oral…</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Interventions on this paragraph</source>
        <translation>Intervenciones sobre este párrafo</translation>
    </message>
    <message>
        <source> (on amendment {number})</source>
        <translation> (sobre la enmienda {number})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Amendments&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;Enmiendas&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Amendments to {paragraph}&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;Enmiendas al {paragraph}&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>Select an amendment to see what it does to the paragraph.</source>
        <translation>Seleccione una enmienda para ver qué cambia en el párrafo.</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>Enmienda {number}</translation>
    </message>
    <message>
        <source>Proposed by {sponsors}</source>
        <translation>Propuesta por {sponsors}</translation>
    </message>
    <message>
        <source>No wording in this language yet.</source>
        <translation>Aún no hay redacción en este idioma.</translation>
    </message>
    <message>
        <source>Accepted as orally amended: the final wording is shown.</source>
        <translation>Aceptada con modificación oral: se muestra la redacción final.</translation>
    </message>
    <message>
        <source>Struck out in red: words deleted. Underlined in green: words inserted.</source>
        <translation>Tachado en rojo: palabras suprimidas. Subrayado en verde: palabras insertadas.</translation>
    </message>
    <message>
        <source>{status} at {time}</source>
        <translation>{status} a las {time}</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve the minutes of session {number}</source>
        <translation>Aprobar el acta de la sesión {number}</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>The minutes are approved now, at the session chosen (it must have been opened). The approved minutes say when and where.</source>
        <translation>El acta se aprueba ahora, en la sesión elegida (que debe haberse abierto). El acta aprobada dice cuándo y dónde.</translation>
    </message>
    <message>
        <source>Approved at session</source>
        <translation>Aprobada en la sesión</translation>
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
        <source>Not marked</source>
        <translation>Sin marcar</translation>
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
        <source>Present since {time}</source>
        <translation>Presente desde las {time}</translation>
    </message>
    <message>
        <source>The event defines no quorum.</source>
        <translation>El evento no define ningún quórum.</translation>
    </message>
    <message>
        <source>Quorum met: {represented} of {members} member delegations represented ({required} required).</source>
        <translation>Hay quórum: {represented} de {members} delegaciones miembro representadas (se requieren {required}).</translation>
    </message>
    <message>
        <source>Quorum not met: {represented} of {members} member delegations represented ({required} required).</source>
        <translation>No hay quórum: {represented} de {members} delegaciones miembro representadas (se requieren {required}).</translation>
    </message>
    <message>
        <source>There is no session {id}.</source>
        <translation>No existe la sesión {id}.</translation>
    </message>
    <message>
        <source>There is no participant number {id}.</source>
        <translation>No existe ningún participante con el número {id}.</translation>
    </message>
    <message>
        <source>{status!r} is not an attendance status (present, excused or absent).</source>
        <translation>{status!r} no es un estado de asistencia (present, excused o absent).</translation>
    </message>
    <message>
        <source>{source!r} is not a source of attendance (scan, roll_call or manual).</source>
        <translation>{source!r} no es un origen de asistencia (scan, roll_call o manual).</translation>
    </message>
    <message>
        <source>Unknown quorum rule {rule!r}.</source>
        <translation>Regla de quórum desconocida: {rule!r}.</translation>
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
    <message>
        <source>Accreditation withdrawn</source>
        <translation>Acreditación retirada</translation>
    </message>
</context>
<context>
    <name>AttendanceCountsWidget</name>
    <message>
        <source>Attendance now</source>
        <translation>Asistencia actual</translation>
    </message>
    <message>
        <source>Choose a session.</source>
        <translation>Elija una sesión.</translation>
    </message>
    <message>
        <source>Present: {present} of {expected} (excused {excused}, absent or not marked {absent})</source>
        <translation>Presentes: {present} de {expected} (ausencias justificadas: {excused}; ausentes o sin marcar: {absent})</translation>
    </message>
    <message>
        <source>Lawmakers present: {present} of {expected}</source>
        <translation>Legisladores presentes: {present} de {expected}</translation>
    </message>
    <message>
        <source>Member delegations represented: {represented} of {members}</source>
        <translation>Delegaciones miembro representadas: {represented} de {members}</translation>
    </message>
    <message>
        <source>No quorum rule</source>
        <translation>Sin regla de quórum</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Filter: name, delegation, status… (accents and case ignored)</source>
        <translation>Filtro: nombre, delegación, estado… (sin distinguir acentos ni mayúsculas)</translation>
    </message>
    <message>
        <source>Record as</source>
        <translation>Registrar como</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Pase de lista</translation>
    </message>
    <message>
        <source>Manual mark</source>
        <translation>Marca manual</translation>
    </message>
    <message>
        <source>Keys: P present · E or J excused (justificada) · A absent · Delete clears the mark · ↑ ↓ move. The next person is selected after each mark.</source>
        <translation>Teclas: P presente · E o J ausencia justificada · A ausente · Supr borra la marca · ↑ ↓ para moverse. Tras cada marca se selecciona a la persona siguiente.</translation>
    </message>
    <message>
        <source>Present (P)</source>
        <translation>Presente (P)</translation>
    </message>
    <message>
        <source>Excused (E/J)</source>
        <translation>Ausencia justificada (E/J)</translation>
    </message>
    <message>
        <source>Absent (A)</source>
        <translation>Ausente (A)</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Borrar marca</translation>
    </message>
    <message>
        <source>Everyone not marked: absent</source>
        <translation>Quienes no tengan marca: ausentes</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No se registró</translation>
    </message>
    <message>
        <source>Everyone on the list is marked already.</source>
        <translation>Todas las personas de la lista ya tienen marca.</translation>
    </message>
    <message>
        <source>Mark the {count} people not marked yet as absent?</source>
        <translation>¿Marcar como ausentes a las {count} personas que aún no tienen marca?</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Marcar como ausentes</translation>
    </message>
    <message>
        <source>People who had the floor at this session: {count} of those selected. The minutes record their speeches. Mark them absent all the same?</source>
        <translation>Personas que hicieron uso de la palabra en esta sesión: {count} de las seleccionadas. El acta registra sus intervenciones. ¿Marcarlas ausentes de todos modos?</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Back up to…</source>
        <translation>Hacer copia de seguridad en…</translation>
    </message>
    <message>
        <source>Event files (*.sqlite)</source>
        <translation>Archivos de evento (*.sqlite)</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>No se pudo hacer la copia de seguridad</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Copia de seguridad guardada</translation>
    </message>
    <message>
        <source>A checked copy of the event was written to {path}.</source>
        <translation>Se guardó una copia verificada del evento en {path}.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <source>Only an event file can be restored from a backup. A server&apos;s database is restored with: encounter-desk copy-event --from.</source>
        <translation>Solo un archivo de evento puede restaurarse desde una copia de seguridad. La base de datos de un servidor se restaura con: encounter-desk copy-event --from.</translation>
    </message>
    <message>
        <source>Event files (*.sqlite *.db);;All files (*)</source>
        <translation>Archivos de evento (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Replace the event in {path} with the backup {backup}? The current file is kept aside first. Close the event on every other laptop that uses this file before you go on.</source>
        <translation>¿Reemplazar el evento de {path} con la copia de seguridad {backup}? Primero se guarda aparte el archivo actual. Antes de continuar, cierre el evento en todas las demás computadoras que usan este archivo.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Nothing was restored</source>
        <translation>No se restauró nada</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <source>The event was restored from {backup}. The file as it was is kept at {aside}.</source>
        <translation>El evento se restauró desde {backup}. El archivo tal como estaba se conserva en {aside}.</translation>
    </message>
    <message>
        <source>Backing up the event</source>
        <translation>Haciendo la copia de seguridad del evento</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written to {path}.</source>
        <translation>Se canceló la copia de seguridad; no se escribió nada en {path}.</translation>
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
    <message>
        <source>Drawing {count} badges…</source>
        <translation>Dibujando {count} gafetes…</translation>
    </message>
</context>
<context>
    <name>CLI</name>
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
        <source>--column takes &quot;HEADER=field&quot;, for example --column &quot;Cargo actual=position&quot;; got {item!r}.</source>
        <translation>--column espera «ENCABEZADO=campo», por ejemplo --column &quot;Cargo actual=position&quot;; se recibió {item!r}.</translation>
    </message>
    <message>
        <source>The app cannot open a window on this X11 desktop: system libraries are missing ({library}). Install them (on Debian or Ubuntu: sudo apt-get install {library}) and start the app again.</source>
        <translation>La aplicación no puede abrir una ventana en este escritorio X11: faltan bibliotecas del sistema ({library}). Instálelas (en Debian o Ubuntu: sudo apt-get install {library}) y vuelva a iniciar la aplicación.</translation>
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
        <source>check the app end to end in a temporary folder (event, roster, badge, check-in, speech, minutes, window) and exit 0 if every step worked</source>
        <translation>comprobar la aplicación de principio a fin en una carpeta temporal (evento, lista de participantes, gafete, registro de llegada, intervención, acta, ventana) y salir con 0 si todos los pasos funcionaron</translation>
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
    <message>
        <source>Backup written to {path} (checked: ok).</source>
        <translation>Copia de seguridad guardada en {path} (verificada: correcta).</translation>
    </message>
    <message>
        <source>restore replaces an event file (--db FILE); a server&apos;s database is restored with copy-event --from.</source>
        <translation>restore reemplaza un archivo de evento (--db ARCHIVO); la base de datos de un servidor se restaura con copy-event --from.</translation>
    </message>
    <message>
        <source>{path} restored from {backup}. The previous file was kept at {aside}.</source>
        <translation>{path} restaurado desde {backup}. El archivo anterior se conservó en {aside}.</translation>
    </message>
    <message>
        <source>Event copied from {source} to {target}: {rows} rows.</source>
        <translation>Evento copiado de {source} a {target}: {rows} filas.</translation>
    </message>
    <message>
        <source>{where} opens and is at the current schema.</source>
        <translation>{where} se abre y tiene el esquema actual.</translation>
    </message>
    <message>
        <source>Integrity of {path}: {verdict}</source>
        <translation>Integridad de {path}: {verdict}</translation>
    </message>
    <message>
        <source>write a consistent backup of the event to a file</source>
        <translation>guardar una copia de seguridad coherente del evento en un archivo</translation>
    </message>
    <message>
        <source>Write a consistent copy of the event (file or server) to a new SQLite file, e.g. on a USB stick, and check it. Desks may keep scanning.</source>
        <translation>Guarda una copia coherente del evento (archivo o servidor) en un nuevo archivo SQLite, p. ej. en una memoria USB, y la verifica. Las mesas de registro pueden seguir escaneando.</translation>
    </message>
    <message>
        <source>the backup file to write</source>
        <translation>el archivo de copia de seguridad que se escribirá</translation>
    </message>
    <message>
        <source>replace the event file with a backup</source>
        <translation>reemplazar el archivo del evento con una copia de seguridad</translation>
    </message>
    <message>
        <source>Replace the event file (--db) with a backup, after checking the backup and copying the current file aside. Close the event on every laptop that uses the file first.</source>
        <translation>Reemplaza el archivo del evento (--db) con una copia de seguridad, tras verificar la copia y guardar aparte el archivo actual. Cierre primero el evento en todas las computadoras que usan el archivo.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>el archivo de copia de seguridad que se restaurará</translation>
    </message>
    <message>
        <source>copy the event to or from another database (a file or a server)</source>
        <translation>copiar el evento a otra base de datos o desde ella (un archivo o un servidor)</translation>
    </message>
    <message>
        <source>Copy every table of the event, keeping ids, into an empty database: --to copies the open event there, --from copies it from there into the open (empty) database.</source>
        <translation>Copia todas las tablas del evento, conservando los identificadores, en una base de datos vacía: --to copia allí el evento abierto; --from lo copia desde allí a la base de datos abierta (vacía).</translation>
    </message>
    <message>
        <source>the empty database to copy the event to</source>
        <translation>la base de datos vacía a la que se copiará el evento</translation>
    </message>
    <message>
        <source>the database to copy the event from</source>
        <translation>la base de datos desde la que se copiará el evento</translation>
    </message>
    <message>
        <source>check that the event&apos;s database opens and is sound</source>
        <translation>comprobar que la base de datos del evento se abre y está en buen estado</translation>
    </message>
    <message>
        <source>Open the event&apos;s database and, for a file, run SQLite&apos;s integrity check.</source>
        <translation>Abre la base de datos del evento y, si es un archivo, ejecuta la comprobación de integridad de SQLite.</translation>
    </message>
    <message>
        <source>Minutes of session {number} written to {path}.</source>
        <translation>Acta de la sesión {number} guardada en {path}.</translation>
    </message>
    <message>
        <source>Event report written to {path}.</source>
        <translation>Informe del evento guardado en {path}.</translation>
    </message>
    <message>
        <source>Akoma Ntoso minutes of session {number} written to {path}.</source>
        <translation>Acta Akoma Ntoso de la sesión {number} guardada en {path}.</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>{count} filas guardadas en {path}.</translation>
    </message>
    <message>
        <source>Participant {id}: {status} at session {number}.</source>
        <translation>Participante {id}: {status} en la sesión {number}.</translation>
    </message>
    <message>
        <source>{value!r} is not a number from 1 up.</source>
        <translation>{value!r} no es un número igual o mayor que 1.</translation>
    </message>
    <message>
        <source>language of the document (default: the global --lang)</source>
        <translation>idioma del documento (por omisión: el de la opción global --lang)</translation>
    </message>
    <message>
        <source>write the minutes of a session (PDF)</source>
        <translation>guardar el acta de una sesión (PDF)</translation>
    </message>
    <message>
        <source>Write the minutes of a session as a PDF to sign: a DRAFT watermark on every page unless --final.</source>
        <translation>Guarda el acta de una sesión como PDF para firmar: con la marca de agua BORRADOR en cada página, salvo con --final.</translation>
    </message>
    <message>
        <source>the session&apos;s number</source>
        <translation>el número de la sesión</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>el PDF que se escribirá</translation>
    </message>
    <message>
        <source>write the report of the whole encounter (PDF)</source>
        <translation>guardar el informe de todo el encuentro (PDF)</translation>
    </message>
    <message>
        <source>Every session, attendance across the encounter, all agreements and the road map of legislative initiatives.</source>
        <translation>Todas las sesiones, la asistencia durante todo el encuentro, todos los acuerdos y la hoja de ruta de las iniciativas legislativas.</translation>
    </message>
    <message>
        <source>write the minutes of a session as Akoma Ntoso XML</source>
        <translation>guardar el acta de una sesión como XML Akoma Ntoso</translation>
    </message>
    <message>
        <source>Write the minutes of a session as an Akoma Ntoso 3.0 debate document.</source>
        <translation>Guarda el acta de una sesión como documento de debate Akoma Ntoso 3.0.</translation>
    </message>
    <message>
        <source>the XML file to write</source>
        <translation>el archivo XML que se escribirá</translation>
    </message>
    <message>
        <source>export attendance to CSV or XLSX</source>
        <translation>exportar la asistencia a CSV o XLSX</translation>
    </message>
    <message>
        <source>export the interventions to CSV or XLSX</source>
        <translation>exportar las intervenciones a CSV o XLSX</translation>
    </message>
    <message>
        <source>mark a participant present, excused or absent at a session</source>
        <translation>marcar a un participante como presente, con ausencia justificada o ausente en una sesión</translation>
    </message>
    <message>
        <source>Mark a participant present, excused or absent at a session (a manual mark).</source>
        <translation>Marca a un participante como presente, con ausencia justificada o ausente en una sesión (marca manual).</translation>
    </message>
    <message>
        <source>This command line was started without the desktop app.</source>
        <translation>Esta línea de comandos se inició sin la aplicación de escritorio.</translation>
    </message>
    <message>
        <source>There is no session {number}.</source>
        <translation>No existe la sesión {number}.</translation>
    </message>
    <message>
        <source>The draft now has its text in this language too.</source>
        <translation>El proyecto ya tiene también su texto en este idioma.</translation>
    </message>
    <message>
        <source>Draft declaration imported.</source>
        <translation>Proyecto de declaración importado.</translation>
    </message>
    <message>
        <source>Amendment {number} recorded, proposed by {sponsors}.</source>
        <translation>Enmienda {number} registrada, propuesta por {sponsors}.</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time such as &quot;2017-09-06 10:05&quot;.</source>
        <translation>{value!r} no es una fecha y hora como &quot;2017-09-06 10:05&quot;.</translation>
    </message>
    <message>
        <source>Amendment {number}: {status}.</source>
        <translation>Enmienda {number}: {status}.</translation>
    </message>
    <message>
        <source>--vote takes CODE=for, against, abstain or absent, for example --vote US=against; got {item!r}.</source>
        <translation>--vote recibe CÓDIGO=for (a favor), against (en contra), abstain (abstención) o absent (ausente), por ejemplo --vote US=against; se recibió {item!r}.</translation>
    </message>
    <message>
        <source>The adoption was cancelled; the declaration is a draft again.</source>
        <translation>Se anuló la adopción; la declaración vuelve a ser un proyecto.</translation>
    </message>
    <message>
        <source>Say how it was adopted: consensus, delegations or count.</source>
        <translation>Indique cómo se adoptó: consensus (consenso), delegations (votación de las delegaciones) o count (conteo de votos).</translation>
    </message>
    <message>
        <source>Statement recorded; it is printed after the declaration.</source>
        <translation>Declaración registrada; se imprime después del texto de la declaración.</translation>
    </message>
    <message>
        <source>Write the declaration to a .pdf, .docx or .xml file, not {name}.</source>
        <translation>Guarde la declaración en un archivo .pdf, .docx o .xml, no en {name}.</translation>
    </message>
    <message>
        <source>Declaration written to {path}.</source>
        <translation>Declaración guardada en {path}.</translation>
    </message>
    <message>
        <source>Amendments log written to {path}.</source>
        <translation>Registro de enmiendas guardado en {path}.</translation>
    </message>
    <message>
        <source>paper size (default: letter)</source>
        <translation>tamaño del papel (por omisión: carta)</translation>
    </message>
    <message>
        <source>{value!r} is not a whole number.</source>
        <translation>{value!r} no es un número entero.</translation>
    </message>
    <message>
        <source>the declaration: import the draft, amend, decide, adopt, export</source>
        <translation>la declaración: importar el proyecto, enmendar, decidir, adoptar, exportar</translation>
    </message>
    <message>
        <source>The declaration negotiated at the encounter: its draft, the amendments of the delegations and the chair&apos;s decisions, its adoption and its documents.</source>
        <translation>La declaración negociada en el encuentro: su proyecto, las enmiendas de las delegaciones y las decisiones de la presidencia, su adopción y sus documentos.</translation>
    </message>
    <message>
        <source>import the draft from a Word file</source>
        <translation>importar el proyecto desde un archivo de Word</translation>
    </message>
    <message>
        <source>Import the draft declaration from a Word file (.docx): title, preamble and numbered operative paragraphs. When a draft exists, the file fills in its text in the other language.</source>
        <translation>Importa el proyecto de declaración desde un archivo de Word (.docx): título, preámbulo y párrafos operativos numerados. Si ya hay un proyecto, el archivo completa su texto en el otro idioma.</translation>
    </message>
    <message>
        <source>the Word file</source>
        <translation>el archivo de Word</translation>
    </message>
    <message>
        <source>language of the file (default: the global --lang)</source>
        <translation>idioma del archivo (por omisión: el de la opción global --lang)</translation>
    </message>
    <message>
        <source>replace the draft (its amendments are lost)</source>
        <translation>sustituir el proyecto (se pierden sus enmiendas)</translation>
    </message>
    <message>
        <source>the authentic language (default: the file&apos;s)</source>
        <translation>el idioma auténtico (por omisión: el del archivo)</translation>
    </message>
    <message>
        <source>the session that negotiates it</source>
        <translation>la sesión que lo negocia</translation>
    </message>
    <message>
        <source>show the text as amended so far</source>
        <translation>mostrar el texto con las enmiendas aceptadas hasta ahora</translation>
    </message>
    <message>
        <source>Show the declaration as amended so far, paragraph by paragraph, with the amendments to each one.</source>
        <translation>Muestra la declaración con las enmiendas aceptadas hasta ahora, párrafo por párrafo, con las enmiendas a cada uno.</translation>
    </message>
    <message>
        <source>mark the changes against the draft: [-deleted-] {+inserted+}</source>
        <translation>marcar los cambios respecto del proyecto: [-suprimido-] {+insertado+}</translation>
    </message>
    <message>
        <source>record an amendment of delegations</source>
        <translation>registrar una enmienda de las delegaciones</translation>
    </message>
    <message>
        <source>Record an amendment to a paragraph of the draft, proposed by one delegation or several co-sponsors.</source>
        <translation>Registra una enmienda a un párrafo del proyecto, propuesta por una delegación o por varias copatrocinadoras.</translation>
    </message>
    <message>
        <source>the draft paragraph: PP2, OP3…</source>
        <translation>el párrafo del proyecto: PP2, OP3 (o PO3)…</translation>
    </message>
    <message>
        <source>replace it, insert a new paragraph after it, or delete it</source>
        <translation>sustituirlo, insertar un párrafo nuevo después de él o suprimirlo</translation>
    </message>
    <message>
        <source>a sponsoring delegation&apos;s code (MX, CA…); repeat for co-sponsors</source>
        <translation>el código de una delegación proponente (MX, CA…); repítalo para las copatrocinadoras</translation>
    </message>
    <message>
        <source>the wording in Spanish</source>
        <translation>la redacción en español</translation>
    </message>
    <message>
        <source>the wording in English</source>
        <translation>la redacción en inglés</translation>
    </message>
    <message>
        <source>the sponsors&apos; explanation</source>
        <translation>la justificación de las proponentes</translation>
    </message>
    <message>
        <source>record the chair&apos;s decision on an amendment</source>
        <translation>registrar la decisión de la presidencia sobre una enmienda</translation>
    </message>
    <message>
        <source>Record the chair&apos;s decision on an amendment, or reopen one decided by mistake.</source>
        <translation>Registra la decisión de la presidencia sobre una enmienda, o reabre una decidida por error.</translation>
    </message>
    <message>
        <source>the amendment&apos;s number</source>
        <translation>el número de la enmienda</translation>
    </message>
    <message>
        <source>amended: accepted as orally amended (give the final wording)</source>
        <translation>amended: aceptada con modificación oral (indique la redacción final)</translation>
    </message>
    <message>
        <source>the final wording in Spanish</source>
        <translation>la redacción final en español</translation>
    </message>
    <message>
        <source>the final wording in English</source>
        <translation>la redacción final en inglés</translation>
    </message>
    <message>
        <source>when it was decided, on the venue&apos;s clock (default: now)</source>
        <translation>cuándo se decidió, en la hora de la sede (por omisión: ahora)</translation>
    </message>
    <message>
        <source>record the adoption</source>
        <translation>registrar la adopción</translation>
    </message>
    <message>
        <source>Record the adoption of the declaration: by consensus, by vote of the member delegations, or by head count. It becomes an agreement of its session.</source>
        <translation>Registra la adopción de la declaración: por consenso, por votación de las delegaciones miembros o por conteo de votos. Queda como acuerdo de su sesión.</translation>
    </message>
    <message>
        <source>consensus, delegations or count</source>
        <translation>consensus (consenso), delegations (por delegación) o count (conteo)</translation>
    </message>
    <message>
        <source>the session that adopts it (default: its own)</source>
        <translation>la sesión que la adopta (por omisión: la suya)</translation>
    </message>
    <message>
        <source>a delegation&apos;s vote: for, against, abstain or absent (repeatable)</source>
        <translation>el voto de una delegación: for, against, abstain o absent (se puede repetir)</translation>
    </message>
    <message>
        <source>the vote of every member delegation not named</source>
        <translation>el voto de cada delegación miembro no nombrada</translation>
    </message>
    <message>
        <source>votes in favour (head count)</source>
        <translation>votos a favor (conteo)</translation>
    </message>
    <message>
        <source>votes against (head count)</source>
        <translation>votos en contra (conteo)</translation>
    </message>
    <message>
        <source>abstentions (head count)</source>
        <translation>abstenciones (conteo)</translation>
    </message>
    <message>
        <source>cancel an adoption recorded by mistake</source>
        <translation>anular una adopción registrada por error</translation>
    </message>
    <message>
        <source>record a reservation or an interpretive statement</source>
        <translation>registrar una reserva o una declaración interpretativa</translation>
    </message>
    <message>
        <source>Record a delegation&apos;s reservation or interpretive statement; it is printed after the declaration.</source>
        <translation>Registra la reserva o la declaración interpretativa de una delegación; se imprime después de la declaración.</translation>
    </message>
    <message>
        <source>the delegation&apos;s code</source>
        <translation>el código de la delegación</translation>
    </message>
    <message>
        <source>the text in Spanish</source>
        <translation>el texto en español</translation>
    </message>
    <message>
        <source>the text in English</source>
        <translation>el texto en inglés</translation>
    </message>
    <message>
        <source>the draft paragraph it bears on (default: the whole declaration)</source>
        <translation>el párrafo del proyecto al que se refiere (por omisión: toda la declaración)</translation>
    </message>
    <message>
        <source>write the declaration as PDF, Word or Akoma Ntoso</source>
        <translation>guardar la declaración en PDF, Word o Akoma Ntoso</translation>
    </message>
    <message>
        <source>Write the declaration (as adopted, or as amended so far) as a PDF with its signature page, a Word file, or an Akoma Ntoso statement (.xml).</source>
        <translation>Guarda la declaración (tal como se adoptó, o con las enmiendas aceptadas hasta ahora) como PDF con su página de firmas, como archivo de Word o como documento Akoma Ntoso (.xml).</translation>
    </message>
    <message>
        <source>OUT.pdf, OUT.docx or OUT.xml</source>
        <translation>SALIDA.pdf, SALIDA.docx o SALIDA.xml</translation>
    </message>
    <message>
        <source>write the amendments log (PDF)</source>
        <translation>guardar el registro de enmiendas (PDF)</translation>
    </message>
    <message>
        <source>Write the amendments log: what each delegation proposed, the wording, and what became of it.</source>
        <translation>Guarda el registro de enmiendas: qué propuso cada delegación, con qué redacción y qué se decidió.</translation>
    </message>
    <message>
        <source>open a session: records the time and the quorum</source>
        <translation>abrir una sesión: registra la hora y el quórum</translation>
    </message>
    <message>
        <source>Open a session now: the time and the quorum verified at the opening are recorded. Refused without quorum.</source>
        <translation>Abrir una sesión ahora: se registran la hora y el quórum verificado en la apertura. Se rechaza sin quórum.</translation>
    </message>
    <message>
        <source>suspend an open session (recess)</source>
        <translation>suspender una sesión abierta (receso)</translation>
    </message>
    <message>
        <source>resume a suspended session</source>
        <translation>reanudar una sesión en receso</translation>
    </message>
    <message>
        <source>adjourn a session: records the time it closed</source>
        <translation>levantar una sesión: registra la hora de clausura</translation>
    </message>
    <message>
        <source>record that a session&apos;s minutes were approved</source>
        <translation>registrar que se aprobó el acta de una sesión</translation>
    </message>
    <message>
        <source>Record that the minutes of an adjourned session were approved now, at the session given by --at.</source>
        <translation>Registrar que el acta de una sesión levantada se aprobó ahora, en la sesión indicada con --at.</translation>
    </message>
    <message>
        <source>the session at which the minutes were approved</source>
        <translation>la sesión en la que se aprobó el acta</translation>
    </message>
    <message>
        <source>paper size (default: the event&apos;s, Letter in Mexico)</source>
        <translation>tamaño de papel (predeterminado: el del evento, carta en México)</translation>
    </message>
    <message>
        <source>approved minutes: no DRAFT watermark (once adjourned)</source>
        <translation>acta aprobada: sin marca de agua de PROYECTO (una vez levantada la sesión)</translation>
    </message>
    <message>
        <source>CSV separator: ; for a spreadsheet in Spanish</source>
        <translation>separador del CSV: ; para una hoja de cálculo en español</translation>
    </message>
    <message>
        <source>only this session (default: every session held)</source>
        <translation>solo esta sesión (predeterminado: todas las sesiones celebradas)</translation>
    </message>
    <message>
        <source>Sessions: {n}</source>
        <translation>Sesiones: {n}</translation>
    </message>
    <message>
        <source>Demo event ready in {where}: {participants} participants, {delegations} delegations, {sittings} sessions.</source>
        <translation>Evento de demostración listo en {where}: {participants} participantes, {delegations} delegaciones, {sittings} sesiones.</translation>
    </message>
    <message>
        <source>Fill the event file with the demo encounter: the 11 delegations, about 120 participants and five sessions.</source>
        <translation>Llena el archivo del evento con el encuentro de demostración: las 11 delegaciones, unos 120 participantes y cinco sesiones.</translation>
    </message>
    <message>
        <source>One page for each participant who attended at least one session, in the participant&apos;s language unless --lang.</source>
        <translation>Una página por cada participante que asistió al menos a una sesión, en el idioma del participante salvo que se indique --lang.</translation>
    </message>
    <message>
        <source>the commitment&apos;s number</source>
        <translation>el número del compromiso</translation>
    </message>
    <message>
        <source>A folded card per delegation with its flag, its name in Spanish on one face and in English on the other; --seats: a card per person.</source>
        <translation>Una tarjeta doblada por delegación con su bandera y su nombre en español en una cara y en inglés en la otra; --seats: una tarjeta por persona.</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACCIÓN</translation>
    </message>
    <message>
        <source>By delegation in the canonical order, heads of delegation first; --public leaves the email addresses out.</source>
        <translation>Por delegación en el orden oficial, con las jefaturas de delegación primero; --public omite los correos electrónicos.</translation>
    </message>
    <message>
        <source>Commitment {id}: {stage}.</source>
        <translation>Compromiso {id}: {stage}.</translation>
    </message>
    <message>
        <source>Follow the commitments after the encounter: write a follow-up form per delegation, read returned forms (all or nothing), record a change of stage, write the road map report.</source>
        <translation>Dar seguimiento a los compromisos después del encuentro: escribir un formulario de seguimiento por delegación, leer los formularios devueltos (todo o nada), registrar un cambio de etapa, escribir el informe de la hoja de ruta.</translation>
    </message>
    <message>
        <source>List of {count} participants written to {path}.</source>
        <translation>Lista de {count} participantes escrita en {path}.</translation>
    </message>
    <message>
        <source>Nobody has attended a session yet: no certificates to write.</source>
        <translation>Nadie ha asistido todavía a una sesión: no hay constancias que escribir.</translation>
    </message>
    <message>
        <source>Nothing was written: {count} rows need correcting.</source>
        <translation>No se escribió nada: hay que corregir {count} filas.</translation>
    </message>
    <message>
        <source>Road map report ({count} commitments) written to {path}.</source>
        <translation>Informe de la hoja de ruta ({count} compromisos) escrito en {path}.</translation>
    </message>
    <message>
        <source>The forms are correct: {stages} changes of stage and {fields} other changes would be recorded.</source>
        <translation>Los formularios están correctos: se registrarían {stages} cambios de etapa y {fields} cambios más.</translation>
    </message>
    <message>
        <source>a card per person instead of per delegation</source>
        <translation>una tarjeta por persona en lugar de por delegación</translation>
    </message>
    <message>
        <source>a note for the history</source>
        <translation>una nota para el historial</translation>
    </message>
    <message>
        <source>announced, drafted, filed, in_committee, reported, approved, enacted or withdrawn</source>
        <translation>announced, drafted, filed, in_committee, reported, approved, enacted o withdrawn (anunciada, redactada, presentada, en comisión, dictaminada, aprobada, promulgada o retirada)</translation>
    </message>
    <message>
        <source>leave the contact details out</source>
        <translation>omitir los datos de contacto</translation>
    </message>
    <message>
        <source>read returned follow-up forms, all or nothing</source>
        <translation>leer los formularios de seguimiento devueltos, todo o nada</translation>
    </message>
    <message>
        <source>record a change of stage</source>
        <translation>registrar un cambio de etapa</translation>
    </message>
    <message>
        <source>the day it happened (default: today)</source>
        <translation>el día en que ocurrió (predeterminado: hoy)</translation>
    </message>
    <message>
        <source>the folder to write to</source>
        <translation>la carpeta donde escribir</translation>
    </message>
    <message>
        <source>the forms (.xlsx)</source>
        <translation>los formularios (.xlsx)</translation>
    </message>
    <message>
        <source>the road map of commitments: forms, import, stages, report</source>
        <translation>la hoja de ruta de los compromisos: formularios, importación, etapas, informe</translation>
    </message>
    <message>
        <source>write one follow-up form (XLSX) per delegation</source>
        <translation>escribir un formulario de seguimiento (XLSX) por delegación</translation>
    </message>
    <message>
        <source>write the certificates of attendance (PDF)</source>
        <translation>escribir las constancias de asistencia (PDF)</translation>
    </message>
    <message>
        <source>write the list of participants (PDF)</source>
        <translation>escribir la lista de participantes (PDF)</translation>
    </message>
    <message>
        <source>write the name plates (PDF)</source>
        <translation>escribir los gafetes de mesa (PDF)</translation>
    </message>
    <message>
        <source>write the road map report (PDF)</source>
        <translation>escribir el informe de la hoja de ruta (PDF)</translation>
    </message>
    <message>
        <source>{count} certificates written to {path}.</source>
        <translation>{count} constancias escritas en {path}.</translation>
    </message>
    <message>
        <source>{count} follow-up forms written to {path}.</source>
        <translation>{count} formularios de seguimiento escritos en {path}.</translation>
    </message>
    <message>
        <source>{count} name plates written to {path}.</source>
        <translation>{count} gafetes de mesa escritos en {path}.</translation>
    </message>
    <message>
        <source>{stages} changes of stage and {fields} other changes recorded.</source>
        <translation>Se registraron {stages} cambios de etapa y {fields} cambios más.</translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD).</source>
        <translation>{value!r} no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Commitment {id} is already at that stage ({stage}): nothing recorded.</source>
        <translation>El compromiso {id} ya está en esa etapa ({stage}): no se registró nada.</translation>
    </message>
    <message>
        <source>list a session&apos;s texts and the translations they lack</source>
        <translation>lista los textos de una sesión y las traducciones que les faltan</translation>
    </message>
    <message>
        <source>List each text of a session&apos;s record (summaries, agreements, initiatives) with its key, its original language and its Spanish and English.</source>
        <translation>Lista cada texto del registro de una sesión (resúmenes, acuerdos, iniciativas) con su clave, su idioma original y su versión en español y en inglés.</translation>
    </message>
    <message>
        <source>awaiting {languages}</source>
        <translation>falta: {languages}</translation>
    </message>
    <message>
        <source>both languages</source>
        <translation>ambos idiomas</translation>
    </message>
    <message>
        <source>{awaiting} of {total} texts await a translation.</source>
        <translation>{awaiting} de {total} textos esperan traducción.</translation>
    </message>
    <message>
        <source>write a text of the record in Spanish, English or its original</source>
        <translation>escribe un texto del registro en español, en inglés o en su original</translation>
    </message>
    <message>
        <source>Write one text of the record (its key from `texts`): --es and --en its Spanish and English, --original the words of an original in another language, --language its original language. What is not given stays as it was.</source>
        <translation>Escribe un texto del registro (su clave, de `texts`): --es y --en su versión en español y en inglés, --original las palabras de un original en otro idioma, --language su idioma original. Lo que no se indica queda como estaba.</translation>
    </message>
    <message>
        <source>{key} is not a text&apos;s key such as summary:12 (see the texts command).</source>
        <translation>{key} no es la clave de un texto como summary:12 (vea la orden texts).</translation>
    </message>
    <message>
        <source>Text {key} saved (original: {language}).</source>
        <translation>Texto {key} guardado (original: {language}).</translation>
    </message>
    <message>
        <source>Still awaiting: {languages}.</source>
        <translation>Falta aún: {languages}.</translation>
    </message>
    <message>
        <source>only the texts still awaiting a translation</source>
        <translation>solo los textos que aún esperan traducción</translation>
    </message>
    <message>
        <source>the text&apos;s key, from texts</source>
        <translation>la clave del texto, de texts</translation>
    </message>
    <message>
        <source>its original language (es, en, fr, pt…)</source>
        <translation>su idioma original (es, en, fr, pt…)</translation>
    </message>
    <message>
        <source>the text in its original language, when that is neither</source>
        <translation>el texto en su idioma original, si no es ninguno de los dos</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>Scanning with the camera needs the camera extra, which is not installed. Add it with: {command} (then start the app again). The handheld scanner and the search work as before.</source>
        <translation>Para escanear con la cámara se necesita el complemento camera, que no está instalado. Agréguelo con: {command} (y vuelva a iniciar la aplicación). El lector de mano y la búsqueda funcionan como siempre.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s QR code in front of the camera.</source>
        <translation>Coloque el código QR del gafete frente a la cámara.</translation>
    </message>
    <message>
        <source>No camera was found on this laptop.</source>
        <translation>No se encontró ninguna cámara en esta computadora.</translation>
    </message>
    <message>
        <source>The camera stopped: {error}</source>
        <translation>La cámara se detuvo: {error}</translation>
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
    <name>ChairShortcuts</name>
    <message>
        <source>Give the floor to the next speaker</source>
        <translation>Dar la palabra al siguiente orador</translation>
    </message>
    <message>
        <source>Pause or resume the clock</source>
        <translation>Pausar o reanudar el reloj</translation>
    </message>
    <message>
        <source>Give the speaker 30 seconds more</source>
        <translation>Dar 30 segundos más al orador</translation>
    </message>
    <message>
        <source>Take 30 seconds from the speaker</source>
        <translation>Quitar 30 segundos al orador</translation>
    </message>
    <message>
        <source>End the speech</source>
        <translation>Terminar la intervención</translation>
    </message>
    <message>
        <source>Point of order: find who raises it, Enter gives them the floor and pauses the speaker</source>
        <translation>Moción de orden: busque a quien la plantea; Intro le da la palabra y pausa al orador</translation>
    </message>
    <message>
        <source>Right of reply to the speech on the floor: find who asks, Enter puts them next</source>
        <translation>Derecho de réplica a la intervención en curso: busque a quien lo pide; Intro lo pone a continuación</translation>
    </message>
    <message>
        <source>Question to the speaker: find who asks</source>
        <translation>Pregunta al orador: busque a quien la hace</translation>
    </message>
    <message>
        <source>Add a speaker: type a name or scan a badge, then Enter</source>
        <translation>Añadir un orador: escriba un nombre o escanee un gafete y pulse Intro</translation>
    </message>
    <message>
        <source>Put the last speaker back on the list</source>
        <translation>Volver a poner al último orador en la lista</translation>
    </message>
    <message>
        <source>Go to the list of speakers</source>
        <translation>Ir a la lista de oradores</translation>
    </message>
    <message>
        <source>Move the selected speaker up</source>
        <translation>Subir al orador seleccionado</translation>
    </message>
    <message>
        <source>Move the selected speaker down</source>
        <translation>Bajar al orador seleccionado</translation>
    </message>
    <message>
        <source>Withdraw the selected speaker</source>
        <translation>Retirar al orador seleccionado</translation>
    </message>
    <message>
        <source>Show the room screen (projector)</source>
        <translation>Mostrar la pantalla de la sala (proyector)</translation>
    </message>
    <message>
        <source>Show or hide this list of shortcuts</source>
        <translation>Mostrar u ocultar esta lista de atajos</translation>
    </message>
    <message>
        <source>Close the room screen</source>
        <translation>Cerrar la pantalla de la sala</translation>
    </message>
    <message>
        <source>Give the floor to the selected speaker, out of turn</source>
        <translation>Dar la palabra al orador seleccionado, fuera de turno</translation>
    </message>
    <message>
        <source>Close or reopen the list</source>
        <translation>Cerrar o reabrir la lista</translation>
    </message>
    <message>
        <source>Speaking times of the list</source>
        <translation>Tiempos de uso de la palabra de la lista</translation>
    </message>
    <message>
        <source>Put the last withdrawn speaker back where they were</source>
        <translation>Devolver al último orador retirado a su lugar</translation>
    </message>
    <message>
        <source>Mark present the speaker just flagged as not present</source>
        <translation>Marcar presente al orador que se acaba de señalar como no presente</translation>
    </message>
    <message>
        <source>Open the session (records the time and the quorum)</source>
        <translation>Abrir la sesión (registra la hora y el quórum)</translation>
    </message>
    <message>
        <source>Suspend the session (recess)</source>
        <translation>Suspender la sesión (receso)</translation>
    </message>
    <message>
        <source>Resume the session after the recess</source>
        <translation>Reanudar la sesión después del receso</translation>
    </message>
    <message>
        <source>Adjourn the session (asks first)</source>
        <translation>Levantar la sesión (pregunta antes)</translation>
    </message>
    <message>
        <source>Reason of the point of order on the floor (or just given)</source>
        <translation>Motivo de la moción de orden en uso de la palabra (o recién terminada)</translation>
    </message>
</context>
<context>
    <name>ChairTopBar</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Speaking times…</source>
        <translation>Tiempos de uso de la palabra…</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sonidos</translation>
    </message>
    <message>
        <source>A chime at the warning, a double beep at zero</source>
        <translation>Un aviso al entrar en el tiempo final, un doble pitido al llegar a cero</translation>
    </message>
    <message>
        <source>Projector language</source>
        <translation>Idioma del proyector</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Atajos de teclado (F1)</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>The session (no agenda items)</source>
        <translation>La sesión (sin puntos de agenda)</translation>
    </message>
    <message>
        <source>List closed</source>
        <translation>Lista cerrada</translation>
    </message>
    <message>
        <source>List open</source>
        <translation>Lista abierta</translation>
    </message>
    <message>
        <source>Reopen the list to new statements</source>
        <translation>Reabrir la lista a nuevas intervenciones</translation>
    </message>
    <message>
        <source>Close the list to new statements</source>
        <translation>Cerrar la lista a nuevas intervenciones</translation>
    </message>
    <message>
        <source>Room screen  (F11)</source>
        <translation>Pantalla de la sala  (F11)</translation>
    </message>
    <message>
        <source>Show the room screen: full screen on the screen chosen in Setup</source>
        <translation>Mostrar la pantalla de la sala: a pantalla completa en la pantalla elegida en Configuración</translation>
    </message>
</context>
<context>
    <name>ChairWorkspace</name>
    <message>
        <source>Chair</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <source>Give the floor</source>
        <translation>Dar la palabra</translation>
    </message>
    <message>
        <source>The session is not open. Give the floor anyway?</source>
        <translation>La sesión no está abierta. ¿Conceder el uso de la palabra de todos modos?</translation>
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
    <name>ClockFace</name>
    <message>
        <source>Time is up</source>
        <translation>Tiempo agotado</translation>
    </message>
</context>
<context>
    <name>ClockWidget</name>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Stopwatch</source>
        <translation>Cronómetro</translation>
    </message>
    <message>
        <source>Next speaker&apos;s time</source>
        <translation>Tiempo del siguiente orador</translation>
    </message>
    <message>
        <source>Speech ended</source>
        <translation>Intervención concluida</translation>
    </message>
</context>
<context>
    <name>CommitmentsModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>Etapa alcanzada</translation>
    </message>
    <message>
        <source>Since the encounter</source>
        <translation>Desde el encuentro</translation>
    </message>
    <message>
        <source>{stage} — overdue</source>
        <translation>{stage} — vencido</translation>
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
        <source>1. The event&apos;s names in both languages and its reference code. 2. The days and the venue. 3. The delegations taking part.</source>
        <translation>1. Los nombres del evento en ambos idiomas y su código de referencia. 2. Las fechas y la sede. 3. Las delegaciones participantes.</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Crear evento</translation>
    </message>
</context>
<context>
    <name>CurrentSpeechPanel</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>The secretary&apos;s summary line for the minutes</source>
        <translation>La línea de resumen de la secretaría para el acta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>On the floor</source>
        <translation>En el uso de la palabra</translation>
    </message>
    <message>
        <source>Last speech</source>
        <translation>Última intervención</translation>
    </message>
    <message>
        <source>Nobody has the floor</source>
        <translation>Nadie tiene la palabra</translation>
    </message>
    <message>
        <source>★ First speech</source>
        <translation>★ Primera intervención</translation>
    </message>
    <message>
        <source>Answers {name}</source>
        <translation>Responde a {name}</translation>
    </message>
    <message>
        <source>Interrupts {name}, whose clock is paused</source>
        <translation>Interrumpe a {name}, cuyo reloj está en pausa</translation>
    </message>
    <message>
        <source>Delegation time left: {time}</source>
        <translation>Tiempo restante de la delegación: {time}</translation>
    </message>
    <message>
        <source>Delegation over its time by {time}</source>
        <translation>La delegación excede su tiempo en {time}</translation>
    </message>
    <message>
        <source>Reason…</source>
        <translation>Motivo…</translation>
    </message>
    <message>
        <source>Why the point of order was raised (the minutes print it)</source>
        <translation>Por qué se planteó la moción de orden (consta en el acta)</translation>
    </message>
    <message>
        <source>Reason not stated yet</source>
        <translation>Motivo aún sin indicar</translation>
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
    <message>
        <source>There is no backup at {path}.</source>
        <translation>No hay ninguna copia de seguridad en {path}.</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be used ({reason}).</source>
        <translation>{path} está dañado y no se puede usar ({reason}).</translation>
    </message>
    <message>
        <source>A backup cannot replace the event file itself.</source>
        <translation>Una copia de seguridad no puede reemplazar al propio archivo del evento.</translation>
    </message>
    <message>
        <source>The backup at {path} failed its check: {reason}</source>
        <translation>La copia de seguridad de {path} no superó la comprobación: {reason}</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>No se pudo guardar la copia de seguridad en {path}: {reason}</translation>
    </message>
    <message>
        <source>Automatic backups are for event files; back up a server&apos;s database with File → Back up to…, or on the server itself.</source>
        <translation>Las copias de seguridad automáticas son para archivos de evento; haga la copia de seguridad de la base de datos de un servidor con Archivo → Hacer copia de seguridad en…, o en el propio servidor.</translation>
    </message>
    <message>
        <source>That backup is the event file itself.</source>
        <translation>Esa copia de seguridad es el propio archivo del evento.</translation>
    </message>
    <message>
        <source>{path} is in use by another desk or program; nothing was restored. Close the event everywhere it is open, then restore again.</source>
        <translation>{path} está en uso por otra mesa de registro u otro programa; no se restauró nada. Cierre el evento en todos los lugares donde esté abierto y vuelva a restaurar.</translation>
    </message>
    <message>
        <source>{where} has reached the largest file size this system allows, so the last change could not be saved. What was saved before is intact. Move the event to a drive without that limit (or ask whoever set it to raise it) and try again.</source>
        <translation>{where} llegó al tamaño máximo de archivo que este sistema permite, así que el último cambio no se pudo guardar. Lo que ya estaba guardado sigue intacto. Lleve el evento a una unidad sin ese límite (o pida a quien lo fijó que lo aumente) e intente de nuevo.</translation>
    </message>
    <message>
        <source>{where} is a read-only file, so the last change could not be saved. What was saved before is intact. Make the file writable (or copy it somewhere you can write) and open it again.</source>
        <translation>{where} es un archivo de solo lectura, así que el último cambio no se pudo guardar. Lo que ya estaba guardado sigue intacto. Permita escribir en el archivo (o cópielo a un lugar donde pueda escribir) y ábralo de nuevo.</translation>
    </message>
    <message>
        <source>The folder (or drive) holding {where} is read-only, so the last change could not be saved. What was saved before is intact. Copy the file to a folder you can write to and open it from there.</source>
        <translation>La carpeta (o unidad) donde está {where} es de solo lectura, así que el último cambio no se pudo guardar. Lo que ya estaba guardado sigue intacto. Copie el archivo a una carpeta en la que pueda escribir y ábralo desde ahí.</translation>
    </message>
    <message>
        <source>{where} could not be read just now ({reason}), but its integrity check finds it sound; nothing is lost. Check the drive and try again.</source>
        <translation>{where} no se pudo leer en este momento ({reason}), pero su verificación de integridad lo encuentra sano; no se perdió nada. Revise la unidad e intente de nuevo.</translation>
    </message>
    <message>
        <source>{url} is not an address Encounter Desk can use: give an event file, or a PostgreSQL server as postgresql+psycopg://user:password@host/database.</source>
        <translation>{url} no es una dirección que Encounter Desk pueda usar: indique un archivo de evento, o un servidor PostgreSQL como postgresql+psycopg://usuario:contraseña@servidor/base.</translation>
    </message>
    <message>
        <source>The database server at {url} refused the user name or password. Check them (ask whoever set up the server) and try again.</source>
        <translation>El servidor de base de datos en {url} rechazó el nombre de usuario o la contraseña. Revíselos (pregunte a quien configuró el servidor) e intente de nuevo.</translation>
    </message>
    <message>
        <source>The database server at {url} has no database of that name. Check the name at the end of the address, or ask whoever set up the server to create it.</source>
        <translation>El servidor de base de datos en {url} no tiene una base de datos con ese nombre. Revise el nombre al final de la dirección, o pida a quien configuró el servidor que la cree.</translation>
    </message>
    <message>
        <source>The database server at {url} cannot be reached. Check the network and that the server is running, then try again.</source>
        <translation>No se puede conectar con el servidor de base de datos en {url}. Revise la red y que el servidor esté encendido, e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} is empty or is not an Encounter Desk event file; nothing was restored. Choose a backup (a .sqlite file the app wrote).</source>
        <translation>{path} está vacío o no es un archivo de evento de Encounter Desk; no se restauró nada. Elija un respaldo (un archivo .sqlite que haya escrito la aplicación).</translation>
    </message>
    <message>
        <source>{path} is cut short (only {size} bytes of it were copied); nothing was restored. Copy the backup again, or choose an older one.</source>
        <translation>{path} está incompleto (solo se copiaron {size} bytes); no se restauró nada. Copie el respaldo de nuevo, o elija uno más antiguo.</translation>
    </message>
    <message>
        <source>{path} holds no Encounter Desk event; nothing was restored. Choose a backup the app wrote.</source>
        <translation>{path} no contiene ningún evento de Encounter Desk; no se restauró nada. Elija un respaldo que haya escrito la aplicación.</translation>
    </message>
    <message>
        <source>{path} is being restored or copied right now; open it again in a moment.</source>
        <translation>{path} se está restaurando o copiando en este momento; ábralo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>{where} is open in {count} other place(s), so nothing was restored: {holders}. Close the event there (or stop that command), then restore again.</source>
        <translation>{where} está abierto en {count} lugar(es) más, así que no se restauró nada: {holders}. Cierre el evento ahí (o detenga ese comando) y restaure de nuevo.</translation>
    </message>
    <message>
        <source>{where} is open in {count} other place(s), so nothing was copied (what they record now would be missing from the copy): {holders}. Close the event there (or stop that command), then copy again.</source>
        <translation>{where} está abierto en {count} lugar(es) más, así que no se copió nada (lo que registren ahora faltaría en la copia): {holders}. Cierre el evento ahí (o detenga ese comando) y copie de nuevo.</translation>
    </message>
    <message>
        <source>another restore or copy that is running now</source>
        <translation>otra restauración o copia que está en curso</translation>
    </message>
    <message>
        <source>{program} from {address}</source>
        <translation>{program} desde {address}</translation>
    </message>
    <message>
        <source>{program} by {actor} (process {pid} on {host}, since {since})</source>
        <translation>{program} de {actor} (proceso {pid} en {host}, desde las {since})</translation>
    </message>
    <message>
        <source>Copying {total} rows of the event to {target}…</source>
        <translation>Copiando {total} filas del evento a {target}…</translation>
    </message>
    <message>
        <source>Copying {name}…</source>
        <translation>Copiando {name}…</translation>
    </message>
    <message>
        <source>Checking the copy…</source>
        <translation>Verificando la copia…</translation>
    </message>
</context>
<context>
    <name>Declaration</name>
    <message>
        <source>The declaration is adopted by consensus, by vote of the delegations or by head count, not {method!r}.</source>
        <translation>La declaración se adopta por consenso, por votación de las delegaciones o por conteo de votos, no {method!r}.</translation>
    </message>
    <message>
        <source>The number of {what} must be a whole number, zero or more.</source>
        <translation>El número de {what} debe ser un número entero, cero o mayor.</translation>
    </message>
    <message>
        <source>Amendments {numbers} are still pending: decide them (or record their withdrawal) before the adoption.</source>
        <translation>Las enmiendas {numbers} siguen pendientes: decídalas (o registre su retiro) antes de la adopción.</translation>
    </message>
    <message>
        <source>Choose the session that adopts the declaration.</source>
        <translation>Elija la sesión que adopta la declaración.</translation>
    </message>
    <message>
        <source>That agenda item is not on this session&apos;s agenda.</source>
        <translation>Ese punto no está en el orden del día de esta sesión.</translation>
    </message>
    <message>
        <source>votes in favour</source>
        <translation>votos a favor</translation>
    </message>
    <message>
        <source>votes against</source>
        <translation>votos en contra</translation>
    </message>
    <message>
        <source>abstentions</source>
        <translation>abstenciones</translation>
    </message>
    <message>
        <source>The vote does not adopt the declaration ({tally}): nothing was recorded.</source>
        <translation>La votación no adopta la declaración ({tally}): no se registró nada.</translation>
    </message>
    <message>
        <source>The declaration has not been adopted.</source>
        <translation>La declaración no ha sido adoptada.</translation>
    </message>
    <message>
        <source>A delegation enters a reservation or an interpretive statement, not {kind!r}.</source>
        <translation>Una delegación formula una reserva o una declaración interpretativa, no {kind!r}.</translation>
    </message>
    <message>
        <source>There is no delegation {id}.</source>
        <translation>No existe la delegación {id}.</translation>
    </message>
    <message>
        <source>There is no paragraph {id} in the draft.</source>
        <translation>El proyecto no tiene el párrafo {id}.</translation>
    </message>
    <message>
        <source>Write the statement in Spanish or in English.</source>
        <translation>Escriba la declaración en español o en inglés.</translation>
    </message>
    <message>
        <source>There is no statement {id}.</source>
        <translation>No existe la declaración {id}.</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefatura de delegación</translation>
    </message>
    <message>
        <source>The Akoma Ntoso export points at {ref}, which it does not declare.</source>
        <translation>La exportación Akoma Ntoso remite a {ref}, que no declara.</translation>
    </message>
    <message>
        <source>An amendment replaces a paragraph, inserts one after it or deletes it, not {kind!r}.</source>
        <translation>Una enmienda sustituye un párrafo, inserta uno después de él o lo suprime, no {kind!r}.</translation>
    </message>
    <message>
        <source>There is no amendment {id}.</source>
        <translation>No existe la enmienda {id}.</translation>
    </message>
    <message>
        <source>There is no amendment number {number}.</source>
        <translation>No existe la enmienda número {number}.</translation>
    </message>
    <message>
        <source>An amendment that deletes a paragraph has no wording; to change the words, propose a replacement.</source>
        <translation>Una enmienda que suprime un párrafo no lleva redacción; para cambiar las palabras, proponga una sustitución.</translation>
    </message>
    <message>
        <source>Write the proposed wording in Spanish or in English.</source>
        <translation>Escriba la redacción propuesta en español o en inglés.</translation>
    </message>
    <message>
        <source>An amendment is proposed by at least one delegation.</source>
        <translation>Una enmienda la propone al menos una delegación.</translation>
    </message>
    <message>
        <source>An amendment is accepted, accepted as orally amended, rejected or withdrawn, not {decision!r}.</source>
        <translation>Una enmienda se acepta, se acepta con modificación oral, se rechaza o se retira, no {decision!r}.</translation>
    </message>
    <message>
        <source>Write the final wording, as orally amended, in Spanish or in English.</source>
        <translation>Escriba la redacción final, con la modificación oral, en español o en inglés.</translation>
    </message>
    <message>
        <source>A final wording is recorded only for an amendment accepted as orally amended.</source>
        <translation>Solo se registra una redacción final para una enmienda aceptada con modificación oral.</translation>
    </message>
    <message>
        <source>Amendment {number} has already been decided: reopen it to change it or to decide again.</source>
        <translation>La enmienda {number} ya fue decidida: reábrala para modificarla o para decidir de nuevo.</translation>
    </message>
    <message>
        <source>Amendment {other} deleted {paragraph}: amendment {number} can now only be rejected or withdrawn.</source>
        <translation>La enmienda {other} suprimió el {paragraph}: la enmienda {number} ahora solo puede rechazarse o retirarse.</translation>
    </message>
    <message>
        <source>Write the translation.</source>
        <translation>Escriba la traducción.</translation>
    </message>
    <message>
        <source>An amendment that deletes a paragraph has no wording to translate.</source>
        <translation>Una enmienda que suprime un párrafo no tiene redacción que traducir.</translation>
    </message>
    <message>
        <source>Amendment {number} already has its wording in that language.</source>
        <translation>La enmienda {number} ya tiene su redacción en ese idioma.</translation>
    </message>
    <message>
        <source>(deletes the paragraph)</source>
        <translation>(suprime el párrafo)</translation>
    </message>
    <message>
        <source>New paragraph: {text}</source>
        <translation>Nuevo párrafo: {text}</translation>
    </message>
    <message>
        <source>Final wording: {text}</source>
        <translation>Redacción final: {text}</translation>
    </message>
    <message>
        <source>Amendments log</source>
        <translation>Registro de enmiendas</translation>
    </message>
    <message>
        <source>{count} amendments proposed</source>
        <translation>{count} enmiendas propuestas</translation>
    </message>
    <message>
        <source>No amendment has been proposed.</source>
        <translation>No se ha propuesto ninguna enmienda.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesta por</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Redacción</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>The declaration is written in Spanish (es) and English (en), not {lang!r}.</source>
        <translation>La declaración se redacta en español (es) e inglés (en), no {lang!r}.</translation>
    </message>
    <message>
        <source>A moment without a time zone cannot be recorded.</source>
        <translation>No se puede registrar un momento sin zona horaria.</translation>
    </message>
    <message>
        <source>PP{number}</source>
        <translation>PP{number}</translation>
    </message>
    <message>
        <source>OP{number}</source>
        <translation>PO{number}</translation>
    </message>
    <message>
        <source>preambular paragraph {number}</source>
        <translation>párrafo preambular {number}</translation>
    </message>
    <message>
        <source>operative paragraph {number}</source>
        <translation>párrafo operativo {number}</translation>
    </message>
    <message>
        <source>{value!r} names no paragraph: write PP and the number of a preambular paragraph (PP2) or OP and the number of an operative one (OP3).</source>
        <translation>{value!r} no designa ningún párrafo: escriba PP y el número de un párrafo preambular (PP2) u OP (o PO) y el número de uno operativo (OP3).</translation>
    </message>
    <message>
        <source>That amendment is not on the paragraph under discussion.</source>
        <translation>Esa enmienda no corresponde al párrafo en discusión.</translation>
    </message>
    <message>
        <source>English text; translation pending</source>
        <translation>texto en inglés; traducción pendiente</translation>
    </message>
    <message>
        <source>Spanish text; translation pending</source>
        <translation>texto en español; traducción pendiente</translation>
    </message>
    <message>
        <source>The Spanish text is authentic.</source>
        <translation>El texto en español es el auténtico.</translation>
    </message>
    <message>
        <source>The English text is authentic.</source>
        <translation>El texto en inglés es el auténtico.</translation>
    </message>
    <message>
        <source>Adopted by consensus at session {number}, on {date}.</source>
        <translation>Adoptada por consenso en la sesión {number}, el {date}.</translation>
    </message>
    <message>
        <source>Adopted {how} at session {number}, on {date}: {tally}.</source>
        <translation>Adoptada {how} en la sesión {number}, el {date}: {tally}.</translation>
    </message>
    <message>
        <source>{kind} by the delegation of {delegation}</source>
        <translation>{kind} de la delegación de {delegation}</translation>
    </message>
    <message>
        <source>{heading} (on {paragraph})</source>
        <translation>{heading} (sobre el {paragraph})</translation>
    </message>
    <message>
        <source>Vote by delegation</source>
        <translation>Votación por delegación</translation>
    </message>
    <message>
        <source>Reservations and interpretive statements</source>
        <translation>Reservas y declaraciones interpretativas</translation>
    </message>
    <message>
        <source>Signatures of the heads of delegation</source>
        <translation>Firmas de las jefas y los jefes de delegación</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>PROYECTO</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Draft for negotiation</source>
        <translation>Proyecto para negociación</translation>
    </message>
    <message>
        <source>Read from {path}: title, {preamble} preambular and {operative} operative paragraphs.</source>
        <translation>Leído de {path}: título, {preamble} párrafos preambulares y {operative} párrafos operativos.</translation>
    </message>
    <message>
        <source>Empty paragraphs skipped: {count}.</source>
        <translation>Párrafos vacíos omitidos: {count}.</translation>
    </message>
    <message>
        <source>{name} is an old Word file (.doc): open it in Word or LibreOffice and save it as .docx, then import that.</source>
        <translation>{name} es un archivo de Word antiguo (.doc): ábralo en Word o LibreOffice, guárdelo como .docx e importe ese archivo.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>No hay ningún archivo en {path}.</translation>
    </message>
    <message>
        <source>{name} is not a Word file (.docx) that can be read ({reason}).</source>
        <translation>{name} no es un archivo de Word (.docx) legible ({reason}).</translation>
    </message>
    <message>
        <source>A table of {rows} rows after paragraph {index} was not read: type its text as paragraphs.</source>
        <translation>No se leyó una tabla de {rows} filas después del párrafo {index}: escriba su texto como párrafos.</translation>
    </message>
    <message>
        <source>A picture in paragraph {index} was not read.</source>
        <translation>No se leyó una imagen del párrafo {index}.</translation>
    </message>
    <message>
        <source>{name} holds no text.</source>
        <translation>{name} no contiene texto.</translation>
    </message>
    <message>
        <source>The text before the title was not read: {text}</source>
        <translation>No se leyó el texto anterior al título: {text}</translation>
    </message>
    <message>
        <source>{name} has no numbered paragraph: number the operative paragraphs (1., 2., … or a Word numbered list) and import it again.</source>
        <translation>{name} no tiene párrafos numerados: numere los párrafos operativos (1., 2., … o una lista numerada de Word) e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>{count} paragraphs after the place and date were not read (signatures?), from paragraph {index}.</source>
        <translation>No se leyeron {count} párrafos posteriores al lugar y la fecha (¿firmas?), a partir del párrafo {index}.</translation>
    </message>
    <message>
        <source>Paragraph {index} is numbered {got} where {expected} was expected: the paragraphs are kept in the order of the file.</source>
        <translation>El párrafo {index} lleva el número {got} donde se esperaba el {expected}: los párrafos se conservan en el orden del archivo.</translation>
    </message>
    <message>
        <source>Paragraph {index} has no number: it was kept as part of operative paragraph {number}.</source>
        <translation>El párrafo {index} no tiene número: se conservó como parte del párrafo operativo {number}.</translation>
    </message>
    <message>
        <source>The declaration has been adopted: its text can no longer change. Cancel the adoption first if it was recorded by mistake.</source>
        <translation>La declaración ya fue adoptada: su texto ya no puede cambiar. Si la adopción se registró por error, anúlela primero.</translation>
    </message>
    <message>
        <source>The chair has decided amendments to this draft: its wording can no longer change. Only a missing translation can be added.</source>
        <translation>La presidencia ya decidió enmiendas a este proyecto: su redacción ya no puede cambiar. Solo puede agregarse una traducción faltante.</translation>
    </message>
    <message>
        <source>Amendments have been proposed to this draft: its paragraphs can no longer be added, removed or moved, since the amendments name them by their place.</source>
        <translation>Ya se propusieron enmiendas a este proyecto: ya no pueden agregarse, quitarse ni moverse párrafos, porque las enmiendas los designan por su lugar.</translation>
    </message>
    <message>
        <source>The declaration needs a title.</source>
        <translation>La declaración necesita un título.</translation>
    </message>
    <message>
        <source>The declaration needs at least one operative paragraph.</source>
        <translation>La declaración necesita al menos un párrafo operativo.</translation>
    </message>
    <message>
        <source>A paragraph belongs to the preamble or to the operative part.</source>
        <translation>Un párrafo pertenece al preámbulo o a la parte operativa.</translation>
    </message>
    <message>
        <source>The event already has a draft declaration. Replace it (its amendments are lost), or fill in its other language.</source>
        <translation>El evento ya tiene un proyecto de declaración. Sustitúyalo (se pierden sus enmiendas) o complete su otro idioma.</translation>
    </message>
    <message>
        <source>There is no session {id}.</source>
        <translation>No existe la sesión {id}.</translation>
    </message>
    <message>
        <source>The draft has {have} {part} paragraphs and the file {got}: the two languages must match paragraph by paragraph. To start again from this file, replace the draft.</source>
        <translation>El proyecto tiene {have} párrafos {part} y el archivo {got}: los dos idiomas deben coincidir párrafo por párrafo. Para empezar de nuevo con este archivo, sustituya el proyecto.</translation>
    </message>
    <message>
        <source>preambular</source>
        <translation>preambulares</translation>
    </message>
    <message>
        <source>operative</source>
        <translation>operativos</translation>
    </message>
    <message>
        <source>A declaration has no field {name}.</source>
        <translation>Una declaración no tiene el campo {name}.</translation>
    </message>
    <message>
        <source>Write the paragraph in Spanish or in English.</source>
        <translation>Escriba el párrafo en español o en inglés.</translation>
    </message>
    <message>
        <source>The paper is letter or a4, not {paper!r}.</source>
        <translation>El papel es carta (letter) o a4, no {paper!r}.</translation>
    </message>
    <message>
        <source>The draft has no {name}.</source>
        <translation>El proyecto no tiene {name}.</translation>
    </message>
    <message>
        <source>There is no draft declaration yet: import one from a Word file or type it.</source>
        <translation>Aún no hay proyecto de declaración: impórtelo de un archivo de Word o escríbalo.</translation>
    </message>
    <message>
        <source>There is no delegation with the code {code!r}.</source>
        <translation>No hay ninguna delegación con el código {code!r}.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sustituir</translation>
    </message>
    <message>
        <source>Insert after</source>
        <translation>Insertar después</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suprimir</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Accepted as orally amended</source>
        <translation>Aceptada con modificación oral</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>By consensus</source>
        <translation>Por consenso</translation>
    </message>
    <message>
        <source>By vote of delegations</source>
        <translation>Por votación de las delegaciones</translation>
    </message>
    <message>
        <source>By head count</source>
        <translation>Por conteo de votos</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>Abstains</source>
        <translation>Se abstiene</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Interpretive statement</source>
        <translation>Declaración interpretativa</translation>
    </message>
    <message>
        <source>{count} amendments: {parts}</source>
        <translation>{count} enmiendas: {parts}</translation>
    </message>
    <message>
        <source>new after {code}, amendment {numbers}</source>
        <translation>nuevo después de {code}, enmienda {numbers}</translation>
    </message>
    <message>
        <source>{code}, amendment {numbers}</source>
        <translation>{code}, enmienda {numbers}</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Enmiendas</translation>
    </message>
    <message>
        <source>the typed text</source>
        <translation>el texto escrito</translation>
    </message>
    <message>
        <source>On {paragraph} (amendment {number})</source>
        <translation>Sobre el {paragraph} (enmienda {number})</translation>
    </message>
    <message>
        <source>On {paragraph}</source>
        <translation>Sobre el {paragraph}</translation>
    </message>
</context>
<context>
    <name>DeclarationFiles</name>
    <message>
        <source>Import the draft from Word</source>
        <translation>Importar el proyecto desde Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx);;All files (*)</source>
        <translation>Documentos de Word (*.docx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{problem}

Replace the draft with this file? Its amendments and statements are lost.</source>
        <translation>{problem}

¿Sustituir el proyecto por este archivo? Se pierden sus enmiendas y declaraciones.</translation>
    </message>
    <message>
        <source>Replace the draft</source>
        <translation>Sustituir el proyecto</translation>
    </message>
    <message>
        <source>The draft now has its text in this language too.</source>
        <translation>El proyecto ya tiene también su texto en este idioma.</translation>
    </message>
    <message>
        <source>The draft was imported.</source>
        <translation>Se importó el proyecto.</translation>
    </message>
    <message>
        <source>Type or paste the draft</source>
        <translation>Escribir o pegar el proyecto</translation>
    </message>
    <message>
        <source>The draft was written.</source>
        <translation>Se guardó el proyecto.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <source>Akoma Ntoso files (*.xml)</source>
        <translation>Archivos Akoma Ntoso (*.xml)</translation>
    </message>
    <message>
        <source>Save the declaration</source>
        <translation>Guardar la declaración</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
    <message>
        <source>The document was not written</source>
        <translation>No se guardó el documento</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo: {reason}</translation>
    </message>
</context>
<context>
    <name>DeclarationKeys</name>
    <message>
        <source>Discuss the next paragraph</source>
        <translation>Discutir el párrafo siguiente</translation>
    </message>
    <message>
        <source>Discuss the previous paragraph</source>
        <translation>Discutir el párrafo anterior</translation>
    </message>
    <message>
        <source>Show the paragraph&apos;s next amendment</source>
        <translation>Mostrar la siguiente enmienda del párrafo</translation>
    </message>
    <message>
        <source>Show the previous amendment (or the paragraph)</source>
        <translation>Mostrar la enmienda anterior (o el párrafo)</translation>
    </message>
    <message>
        <source>Discuss the selected paragraph</source>
        <translation>Discutir el párrafo seleccionado</translation>
    </message>
    <message>
        <source>Show the room screen</source>
        <translation>Mostrar la pantalla de la sala</translation>
    </message>
</context>
<context>
    <name>DeclarationModels</name>
    <message>
        <source>Paragraph</source>
        <translation>Párrafo</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Enmiendas</translation>
    </message>
    <message>
        <source>new after {code}
{number}.</source>
        <translation>nuevo tras {code}
{number}.</translation>
    </message>
    <message>
        <source>new after {code}</source>
        <translation>nuevo tras {code}</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suprimido</translation>
    </message>
    <message>
        <source>{count} ({pending} pending)</source>
        <translation>{count} ({pending} sin decidir)</translation>
    </message>
    <message>
        <source>(translation pending)</source>
        <translation>(traducción pendiente)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesta por</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
</context>
<context>
    <name>DeclarationRoom</name>
    <message>
        <source>The declaration is not under discussion.</source>
        <translation>La declaración no está en discusión.</translation>
    </message>
    <message>
        <source>The declaration has been adopted.</source>
        <translation>La declaración fue adoptada.</translation>
    </message>
    <message>
        <source>Deleted by an accepted amendment.</source>
        <translation>Suprimido por una enmienda aceptada.</translation>
    </message>
    <message>
        <source>Amendment {number} · {sponsors} · {kind}</source>
        <translation>Enmienda {number} · {sponsors} · {kind}</translation>
    </message>
    <message>
        <source>New paragraph after this one</source>
        <translation>Párrafo nuevo después de este</translation>
    </message>
    <message>
        <source>{status} at {time}</source>
        <translation>{status} a las {time}</translation>
    </message>
    <message>
        <source>Being decided</source>
        <translation>Por decidir</translation>
    </message>
    <message>
        <source>Encounter Desk — the declaration on the room screen</source>
        <translation>Encounter Desk — la declaración en la pantalla de la sala</translation>
    </message>
</context>
<context>
    <name>DeclarationWorkspace</name>
    <message>
        <source>Declaration</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Type or paste…</source>
        <translation>Escribir o pegar…</translation>
    </message>
    <message>
        <source>Import Word…</source>
        <translation>Importar Word…</translation>
    </message>
    <message>
        <source>Title, place, date…</source>
        <translation>Título, lugar, fecha…</translation>
    </message>
    <message>
        <source>Room screen in</source>
        <translation>Pantalla de la sala en</translation>
    </message>
    <message>
        <source>Room screen (F11)</source>
        <translation>Pantalla de la sala (F11)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Adoption and documents</source>
        <translation>Adopción y documentos</translation>
    </message>
    <message>
        <source>Room screen (what the projector shows)</source>
        <translation>Pantalla de la sala (lo que muestra el proyector)</translation>
    </message>
    <message>
        <source>There is no draft declaration yet: import it from Word or type it.</source>
        <translation>Aún no hay proyecto de declaración: impórtelo de Word o escríbalo.</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Enmendado</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Insertado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Suprimido</translation>
    </message>
    <message>
        <source>Amendment {numbers}</source>
        <translation>Enmienda {numbers}</translation>
    </message>
    <message>
        <source>after {code}</source>
        <translation>tras {code}</translation>
    </message>
    <message>
        <source>Against the draft: words struck out in red are deleted, words underlined in green are inserted.</source>
        <translation>Respecto del proyecto: las palabras tachadas en rojo se suprimen y las subrayadas en verde se insertan.</translation>
    </message>
    <message>
        <source>Amendment {number}: accepted as orally amended</source>
        <translation>Enmienda {number}: aceptada con modificación oral</translation>
    </message>
    <message>
        <source>Write the wording as the room agreed it; it enters the text instead of the proposal.</source>
        <translation>Escriba la redacción tal como la acordó la sala; entra en el texto en lugar de la propuesta.</translation>
    </message>
    <message>
        <source>Amendment {number}: translation</source>
        <translation>Enmienda {number}: traducción</translation>
    </message>
    <message>
        <source>Reopen an amendment</source>
        <translation>Reabrir una enmienda</translation>
    </message>
    <message>
        <source>Reopen amendment {number}? Its decision is erased and it is pending again.</source>
        <translation>¿Reabrir la enmienda {number}? Se borra su decisión y vuelve a quedar pendiente.</translation>
    </message>
    <message>
        <source>Cancel the adoption</source>
        <translation>Anular la adopción</translation>
    </message>
    <message>
        <source>Cancel the adoption? Its agreement is removed from the session and the declaration is a draft again.</source>
        <translation>¿Anular la adopción? Su acuerdo se quita de la sesión y la declaración vuelve a ser un proyecto.</translation>
    </message>
    <message>
        <source>Remove a statement</source>
        <translation>Quitar una declaración</translation>
    </message>
    <message>
        <source>Remove this statement?</source>
        <translation>¿Quitar esta declaración?</translation>
    </message>
</context>
<context>
    <name>DelegationCountsModel</name>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Ausencias justificadas</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Ausentes</translation>
    </message>
    <message>
        <source>Lawmakers</source>
        <translation>Legisladores</translation>
    </message>
    <message>
        <source>Lawmakers present</source>
        <translation>Legisladores presentes</translation>
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
    <name>DelegationPicker</name>
    <message>
        <source>3. Delegations</source>
        <translation>3. Delegaciones</translation>
    </message>
    <message>
        <source>Groups without a country:</source>
        <translation>Grupos sin país:</translation>
    </message>
</context>
<context>
    <name>DelegationVotesBox</name>
    <message>
        <source>Vote of each member delegation</source>
        <translation>Voto de cada delegación miembro</translation>
    </message>
    <message>
        <source>All others in favour</source>
        <translation>Las demás, a favor</translation>
    </message>
</context>
<context>
    <name>Delegations</name>
    <message>
        <source>{name} still has {count} participants. Move them to another delegation or delete them first.</source>
        <translation>{name} todavía tiene {count} participantes. Páselos a otra delegación o elimínelos primero.</translation>
    </message>
    <message>
        <source>Unknown delegation field: {names}.</source>
        <translation>Campo de delegación desconocido: {names}.</translation>
    </message>
    <message>
        <source>This delegation no longer exists; the list was refreshed.</source>
        <translation>Esta delegación ya no existe; se actualizó la lista.</translation>
    </message>
    <message>
        <source>A delegation needs a name in Spanish and in English.</source>
        <translation>Una delegación necesita un nombre en español y en inglés.</translation>
    </message>
    <message>
        <source>A delegation code is 1 to 20 letters or digits, without spaces.</source>
        <translation>El código de una delegación tiene de 1 a 20 letras o dígitos, sin espacios.</translation>
    </message>
    <message>
        <source>Another delegation already uses the code {code}.</source>
        <translation>Otra delegación ya usa el código {code}.</translation>
    </message>
    <message>
        <source>Unknown kind of delegation: {value}.</source>
        <translation>Tipo de delegación desconocido: {value}.</translation>
    </message>
    <message>
        <source>The order is a whole number.</source>
        <translation>El orden es un número entero.</translation>
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
        <source>Attention: {note}</source>
        <translation>Atención: {note}</translation>
    </message>
    <message>
        <source>Checked in at {time} (desk {desk})</source>
        <translation>Llegada registrada a las {time} (mesa {desk})</translation>
    </message>
    <message>
        <source>This badge was replaced: a newer badge (number {serial}) exists.</source>
        <translation>Este gafete fue reemplazado: existe uno más reciente (número {serial}).</translation>
    </message>
    <message>
        <source>This badge is for another event.</source>
        <translation>Este gafete es de otro evento.</translation>
    </message>
    <message>
        <source>The code is not genuine or could not be read whole.</source>
        <translation>El código no es auténtico o no se leyó completo.</translation>
    </message>
    <message>
        <source>This badge belongs to no participant of this event.</source>
        <translation>Este gafete no corresponde a ningún participante de este evento.</translation>
    </message>
    <message>
        <source>Next: session {number}, {title}, {date} {time}</source>
        <translation>Próxima: sesión {number}, {title}, {date} {time}</translation>
    </message>
    <message>
        <source>No delegation</source>
        <translation>Sin delegación</translation>
    </message>
    <message>
        <source>{count} badges written to {path}.</source>
        <translation>{count} gafetes guardados en {path}.</translation>
    </message>
    <message>
        <source>Badge of participant {id} reissued (number {serial}); the old badge is now refused as replaced. New code: {code}</source>
        <translation>Gafete del participante {id} reemitido (número {serial}); el gafete anterior ahora se rechaza como reemplazado. Nuevo código: {code}</translation>
    </message>
    <message>
        <source>Check-in of participant {id} undone ({reason}). The scan log keeps both.</source>
        <translation>Registro de llegada del participante {id} anulado ({reason}). El registro de lecturas conserva ambos.</translation>
    </message>
    <message>
        <source>{value!r} is not a participant number.</source>
        <translation>{value!r} no es un número de participante.</translation>
    </message>
    <message>
        <source>write badge sheets (PDF)</source>
        <translation>generar hojas de gafetes (PDF)</translation>
    </message>
    <message>
        <source>Write badges with their signed QR codes to a PDF: A6, one badge a page, or A4 sheets of 8 with cut marks.</source>
        <translation>Genera en un PDF los gafetes con sus códigos QR firmados: A6, un gafete por página, u hojas A4 de 8 con marcas de corte.</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>el PDF que se escribirá</translation>
    </message>
    <message>
        <source>only this participant (repeatable; default: everyone)</source>
        <translation>solo este participante (se puede repetir; por omisión: todos)</translation>
    </message>
    <message>
        <source>a6: one badge a page; a4-8: A4 sheets of 8 (default)</source>
        <translation>a6: un gafete por página; a4-8: hojas A4 de 8 (por omisión)</translation>
    </message>
    <message>
        <source>reissue a participant&apos;s badge (the old one is refused)</source>
        <translation>reemitir el gafete de un participante (el anterior se rechaza)</translation>
    </message>
    <message>
        <source>Give a participant a new badge number: the old badge&apos;s code is then refused as replaced.</source>
        <translation>Asigna a un participante un nuevo número de gafete: a partir de entonces, el código del gafete anterior se rechaza como reemplazado.</translation>
    </message>
    <message>
        <source>print the code of a participant&apos;s badge</source>
        <translation>mostrar el código del gafete de un participante</translation>
    </message>
    <message>
        <source>Print the text of a participant&apos;s current badge QR code.</source>
        <translation>Muestra el texto del código QR del gafete vigente de un participante.</translation>
    </message>
    <message>
        <source>check in a scanned badge code</source>
        <translation>registrar la llegada con un código de gafete escaneado</translation>
    </message>
    <message>
        <source>Check in the badge whose code is given, as a desk scanner would. Exit status: 0 admitted, 3 already checked in, 4 refused (replaced, wrong event, forged or damaged, unknown).</source>
        <translation>Registra la llegada con el gafete cuyo código se indica, como lo haría el lector de una mesa de registro. Código de salida: 0 admitido, 3 llegada ya registrada, 4 rechazado (reemplazado, otro evento, falsificado o dañado, desconocido).</translation>
    </message>
    <message>
        <source>the text read from the badge</source>
        <translation>el texto leído del gafete</translation>
    </message>
    <message>
        <source>the desk recorded with the scan (default: $ENCOUNTER_DESK_DESK or this computer&apos;s name)</source>
        <translation>la mesa que se registra con la lectura (por omisión: $ENCOUNTER_DESK_DESK o el nombre de este equipo)</translation>
    </message>
    <message>
        <source>print the verdict as one JSON object</source>
        <translation>mostrar el resultado como un objeto JSON</translation>
    </message>
    <message>
        <source>undo a mistaken check-in</source>
        <translation>anular un registro de llegada equivocado</translation>
    </message>
    <message>
        <source>Undo a participant&apos;s check-in, with a reason. The scan log keeps the check-in and the undo.</source>
        <translation>Anula el registro de llegada de un participante, indicando el motivo. El registro de lecturas conserva la llegada y la anulación.</translation>
    </message>
    <message>
        <source>why (required)</source>
        <translation>motivo (obligatorio)</translation>
    </message>
    <message>
        <source>the desk recorded with the undo</source>
        <translation>la mesa que se registra con la anulación</translation>
    </message>
    <message>
        <source>Not a badge</source>
        <translation>No es un gafete</translation>
    </message>
    <message>
        <source>What was read is not shaped like a badge code.</source>
        <translation>Lo leído no tiene la forma de un código de gafete.</translation>
    </message>
    <message>
        <source>Accreditation withdrawn</source>
        <translation>Acreditación retirada</translation>
    </message>
    <message>
        <source>The accreditation of this person was withdrawn: {reason}</source>
        <translation>La acreditación de esta persona fue retirada: {reason}</translation>
    </message>
    <message>
        <source>withdraw a participant&apos;s accreditation</source>
        <translation>retirar la acreditación de un participante</translation>
    </message>
    <message>
        <source>Withdraw a participant&apos;s accreditation, with a reason: their badge then admits nobody, at the desk, a session&apos;s door or the chair. The person stays in the record; reinstate gives it back.</source>
        <translation>Retira la acreditación de un participante, con un motivo: su gafete ya no da acceso a nadie, ni en la mesa, ni en la puerta de una sesión, ni en la presidencia. La persona permanece en el registro; reinstate se la devuelve.</translation>
    </message>
    <message>
        <source>give a withdrawn accreditation back</source>
        <translation>devolver una acreditación retirada</translation>
    </message>
    <message>
        <source>Reinstate a participant whose accreditation was withdrawn: their badge admits them again.</source>
        <translation>Restituye a un participante cuya acreditación fue retirada: su gafete vuelve a darle acceso.</translation>
    </message>
    <message>
        <source>Accreditation of {name} (participant {id}) withdrawn: {reason}</source>
        <translation>Acreditación de {name} (participante {id}) retirada: {reason}</translation>
    </message>
    <message>
        <source>Accreditation of {name} (participant {id}) reinstated.</source>
        <translation>Acreditación de {name} (participante {id}) restituida.</translation>
    </message>
    <message>
        <source>Choose the person&apos;s category (lawmaker, press, staff…): it decides what their badge says and what they count towards.</source>
        <translation>Elija la categoría de la persona (legislador, prensa, personal…): de ella dependen lo que dice su gafete y lo que cuenta.</translation>
    </message>
</context>
<context>
    <name>DeskDoor</name>
    <message>
        <source>PRESENT — SESSION {number}</source>
        <translation>PRESENTE — SESIÓN {number}</translation>
    </message>
    <message>
        <source>ALREADY PRESENT</source>
        <translation>YA ESTÁ PRESENTE</translation>
    </message>
    <message>
        <source>BADGE REPLACED</source>
        <translation>GAFETE REEMPLAZADO</translation>
    </message>
    <message>
        <source>WRONG EVENT</source>
        <translation>OTRO EVENTO</translation>
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
        <source>This badge was replaced: a newer badge exists. Only the new badge records attendance.</source>
        <translation>Este gafete fue reemplazado: existe uno más reciente. Solo el gafete nuevo registra la asistencia.</translation>
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
        <source>Attendance recorded for session {number}.</source>
        <translation>Asistencia registrada en la sesión {number}.</translation>
    </message>
    <message>
        <source>Nothing changed: the first arrival time is kept.</source>
        <translation>Sin cambios: se conserva la hora de la primera llegada.</translation>
    </message>
    <message>
        <source>Not recorded as present.</source>
        <translation>No se registró como presente.</translation>
    </message>
    <message>
        <source>{time} · {desk} · door of session {number}</source>
        <translation>{time} · {desk} · entrada de la sesión {number}</translation>
    </message>
    <message>
        <source>Event check-in</source>
        <translation>Registro de llegada al evento</translation>
    </message>
    <message>
        <source>Door of session {number}: {title}</source>
        <translation>Entrada de la sesión {number}: {title}</translation>
    </message>
    <message>
        <source>ACCREDITATION WITHDRAWN</source>
        <translation>ACREDITACIÓN RETIRADA</translation>
    </message>
    <message>
        <source>The accreditation of this person was withdrawn: it records no attendance.</source>
        <translation>La acreditación de esta persona fue retirada: no registra asistencia.</translation>
    </message>
</context>
<context>
    <name>DeskIdentity</name>
    <message>
        <source>A desk needs a name.</source>
        <translation>La mesa necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>This laptop&apos;s desk</source>
        <translation>Mesa de esta computadora</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Guardar nombre</translation>
    </message>
    <message>
        <source>Every scan made on this laptop records this name, e.g. “Desk 1” or “Door B”. It is kept on this laptop, not in the event file.</source>
        <translation>Cada lectura hecha en esta computadora registra este nombre, p. ej. “Mesa 1” o “Puerta B”. Se guarda en esta computadora, no en el archivo del evento.</translation>
    </message>
    <message>
        <source>Kiosk PIN (for every desk of this event)</source>
        <translation>PIN del modo quiosco (para todas las mesas de este evento)</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>PIN nuevo:</translation>
    </message>
    <message>
        <source>Repeat the PIN:</source>
        <translation>Repita el PIN:</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Establecer PIN</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Quitar PIN</translation>
    </message>
    <message>
        <source>A PIN is set: View → Kiosk mode keeps the clerk on the desk until it is typed.</source>
        <translation>Hay un PIN establecido: Ver → Modo quiosco mantiene al personal en la mesa de registro hasta que se escriba.</translation>
    </message>
    <message>
        <source>No PIN is set yet: kiosk mode needs one.</source>
        <translation>Aún no hay ningún PIN establecido: el modo quiosco lo necesita.</translation>
    </message>
    <message>
        <source>This laptop is now “{name}”.</source>
        <translation>Esta computadora ahora es “{name}”.</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>Los dos PIN no coinciden; vuelva a escribirlos.</translation>
    </message>
    <message>
        <source>Kiosk PIN saved.</source>
        <translation>PIN del modo quiosco guardado.</translation>
    </message>
    <message>
        <source>Kiosk PIN removed.</source>
        <translation>PIN del modo quiosco eliminado.</translation>
    </message>
</context>
<context>
    <name>DeskWorkspace</name>
    <message>
        <source>Registration desk</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Door of session {number} — {desk}</source>
        <translation>Entrada de la sesión {number} — {desk}</translation>
    </message>
    <message>
        <source>Registration desk — {desk}</source>
        <translation>Registro — {desk}</translation>
    </message>
    <message>
        <source>Scan a badge (the field below always listens):</source>
        <translation>Escanee un gafete (el campo de abajo siempre escucha):</translation>
    </message>
    <message>
        <source>Waiting for the scanner…</source>
        <translation>Esperando al lector…</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Beep once to admit, three times to stop the queue.</source>
        <translation>Un pitido para admitir, tres para detener la fila.</translation>
    </message>
    <message>
        <source>New participant…</source>
        <translation>Nuevo participante…</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>Cámara…</translation>
    </message>
    <message>
        <source>Read badges with the laptop&apos;s camera.</source>
        <translation>Leer los gafetes con la cámara de la computadora.</translation>
    </message>
    <message>
        <source>Where scans go: the event check-in, or the door of a session (records attendance at that session)</source>
        <translation>Destino de las lecturas: el registro de llegada al evento o la entrada de una sesión (registra la asistencia a esa sesión)</translation>
    </message>
    <message>
        <source>Check-in of {name} undone: {reason}</source>
        <translation>Registro de {name} anulado: {reason}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>The badge could not be written: {error}</source>
        <translation>No se pudo generar el gafete: {error}</translation>
    </message>
    <message>
        <source>Badge of {name} ready to print: {path}</source>
        <translation>Gafete de {name} listo para imprimir: {path}</translation>
    </message>
    <message>
        <source>Badge lost</source>
        <translation>Gafete perdido</translation>
    </message>
    <message>
        <source>Issue a new badge for {name}? The lost badge will be refused as replaced from now on.</source>
        <translation>¿Emitir un gafete nuevo para {name}? A partir de ahora el gafete perdido se rechazará como reemplazado.</translation>
    </message>
    <message>
        <source>Issue a new badge</source>
        <translation>Emitir un gafete nuevo</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
</context>
<context>
    <name>DocumentOutput</name>
    <message>
        <source>Not written</source>
        <translation>No se escribió</translation>
    </message>
    <message>
        <source>Preview opened from {path}</source>
        <translation>Vista previa abierta desde {path}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}</source>
        <translation>Escribiendo {name}</translation>
    </message>
    <message>
        <source>Cancelled: {name} was not written.</source>
        <translation>Cancelado: no se escribió {name}.</translation>
    </message>
</context>
<context>
    <name>DraftDetailsDialog</name>
    <message>
        <source>The draft&apos;s details</source>
        <translation>Datos del proyecto</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(aún ninguna)</translation>
    </message>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
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
        <source>Chapeau (Spanish)</source>
        <translation>Encabezado (español)</translation>
    </message>
    <message>
        <source>Chapeau (English)</source>
        <translation>Encabezado (inglés)</translation>
    </message>
    <message>
        <source>Opening of the operative part (Spanish)</source>
        <translation>Apertura de la parte operativa (español)</translation>
    </message>
    <message>
        <source>Opening of the operative part (English)</source>
        <translation>Apertura de la parte operativa (inglés)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Authentic text</source>
        <translation>Texto auténtico</translation>
    </message>
    <message>
        <source>Negotiated at</source>
        <translation>Se negocia en</translation>
    </message>
</context>
<context>
    <name>DraftEditing</name>
    <message>
        <source>Remove a paragraph</source>
        <translation>Quitar un párrafo</translation>
    </message>
    <message>
        <source>Remove {code} from the draft?</source>
        <translation>¿Quitar el {code} del proyecto?</translation>
    </message>
</context>
<context>
    <name>DraftTextDialog</name>
    <message>
        <source>Type or paste the draft</source>
        <translation>Escribir o pegar el proyecto</translation>
    </message>
    <message>
        <source>One paragraph a line. The first line is the title; then the chapeau and the preambular paragraphs; a line such as &quot;Declaramos:&quot; may open the operative part, whose paragraphs are numbered 1., 2., … Lines a), b) stay with the paragraph above. When a draft exists, this text fills in its other language paragraph by paragraph.</source>
        <translation>Un párrafo por línea. La primera línea es el título; después, el encabezado y los párrafos preambulares; una línea como «Declaramos:» puede abrir la parte operativa, cuyos párrafos se numeran 1., 2., … Las líneas a), b) se quedan con el párrafo anterior. Si ya hay un proyecto, este texto completa su otro idioma párrafo por párrafo.</translation>
    </message>
    <message>
        <source>Replace the draft (its amendments are lost)</source>
        <translation>Sustituir el proyecto (se pierden sus enmiendas)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
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
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>As the country prints (Letter in Mexico)</source>
        <translation>Como se imprime en el país (carta en México)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
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
    <name>Files</name>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>No se pudo guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>No se pudo guardar el archivo: {reason}</translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so it could not be written. What was saved before is intact. Free some space (or choose another drive) and try again.</source>
        <translation>El disco donde está {path} está lleno, así que no se pudo escribir. Lo que ya estaba guardado sigue intacto. Libere espacio (o elija otra unidad) e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} is read-only, so it could not be written. What was saved before is intact. Choose another name, or make the file writable and try again.</source>
        <translation>{path} es de solo lectura, así que no se pudo escribir. Lo que ya estaba guardado sigue intacto. Elija otro nombre, o permita escribir en el archivo e intente de nuevo.</translation>
    </message>
    <message>
        <source>The folder of {path} cannot be written to (it or its drive is read-only), so nothing was saved there. Choose a folder you can write to and try again.</source>
        <translation>No se puede escribir en la carpeta de {path} (ella o su unidad son de solo lectura), así que no se guardó nada ahí. Elija una carpeta en la que pueda escribir e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} would be larger than this system allows for one file, so it could not be written. What was saved before is intact. Save it on another drive, or ask whoever set the limit to raise it.</source>
        <translation>{path} sería más grande de lo que este sistema permite para un archivo, así que no se pudo escribir. Lo que ya estaba guardado sigue intacto. Guárdelo en otra unidad, o pida a quien fijó el límite que lo aumente.</translation>
    </message>
    <message>
        <source>{path} is locked by another program, so it could not be written. Close the other program (a spreadsheet or PDF viewer that has it open) and try again.</source>
        <translation>{path} está bloqueado por otro programa, así que no se pudo escribir. Cierre ese programa (una hoja de cálculo o un visor de PDF que lo tenga abierto) e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} cannot be reached (its folder or drive is missing or was removed). Reconnect the drive or choose another folder and try again.</source>
        <translation>No se puede acceder a {path} (su carpeta o su unidad no están o se retiraron). Vuelva a conectar la unidad o elija otra carpeta e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}). What was saved before is intact.</source>
        <translation>No se pudo escribir {path} ({reason}). Lo que ya estaba guardado sigue intacto.</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Next speaker  (F5)</source>
        <translation>Siguiente orador  (F5)</translation>
    </message>
    <message>
        <source>End speech  (F8)</source>
        <translation>Terminar  (F8)</translation>
    </message>
    <message>
        <source>+30 s  (F7)</source>
        <translation>+30 s  (F7)</translation>
    </message>
    <message>
        <source>Room screen (what the projector shows)</source>
        <translation>Pantalla de la sala (lo que muestra el proyector)</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Resume  (F6)</source>
        <translation>Reanudar  (F6)</translation>
    </message>
    <message>
        <source>Pause  (F6)</source>
        <translation>Pausar  (F6)</translation>
    </message>
    <message>
        <source>−30 s  (Shift+F7)</source>
        <translation>−30 s  (Mayús+F7)</translation>
    </message>
</context>
<context>
    <name>FormTablePage</name>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
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
        <translation>Reg. / total</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Chair shortcuts</source>
        <translation>Atajos de la Presidencia</translation>
    </message>
    <message>
        <source>F1, Escape or a click closes this list.</source>
        <translation>F1, Escape o un clic cierran esta lista.</translation>
    </message>
</context>
<context>
    <name>HowToDialog</name>
    <message>
        <source>How the desk works</source>
        <translation>Cómo funciona la mesa de registro</translation>
    </message>
    <message>
        <source>How the chair works</source>
        <translation>Cómo funciona la presidencia</translation>
    </message>
    <message>
        <source>How the records work</source>
        <translation>Cómo funcionan las actas y registros</translation>
    </message>
    <message>
        <source>Scan a badge: the field at the top always listens, the scanner types the code and &lt;b&gt;Enter&lt;/b&gt; ends it.</source>
        <translation>Escanee un gafete: el campo de arriba siempre escucha; el lector escribe el código y &lt;b&gt;Intro&lt;/b&gt; lo termina.</translation>
    </message>
    <message>
        <source>No badge? Type two or three letters of the name in the search box and choose the person: the same verdict, the same record.</source>
        <translation>¿No trae gafete? Escriba dos o tres letras del nombre en el cuadro de búsqueda y elija a la persona: el mismo resultado, el mismo registro.</translation>
    </message>
    <message>
        <source>Someone not on the list: &lt;b&gt;New participant…&lt;/b&gt; registers them and prints their badge.</source>
        <translation>Alguien que no está en la lista: &lt;b&gt;Nuevo participante…&lt;/b&gt; lo inscribe e imprime su gafete.</translation>
    </message>
    <message>
        <source>A mistaken check-in: choose the person in the search results and undo it, with a reason.</source>
        <translation>Un registro de llegada equivocado: elija a la persona en los resultados de la búsqueda y anúlelo, indicando el motivo.</translation>
    </message>
    <message>
        <source>The counts on the right follow every desk of the room.</source>
        <translation>Los totales de la derecha reflejan todas las mesas de registro de la sala.</translation>
    </message>
    <message>
        <source>Add a speaker: &lt;b&gt;Ctrl+F&lt;/b&gt;, type a name or scan a badge, &lt;b&gt;Enter&lt;/b&gt;.</source>
        <translation>Añadir un orador: &lt;b&gt;Ctrl+F&lt;/b&gt;, escriba un nombre o escanee un gafete, &lt;b&gt;Intro&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;F5&lt;/b&gt; gives the floor to the next speaker; &lt;b&gt;F8&lt;/b&gt; ends the speech; &lt;b&gt;F6&lt;/b&gt; pauses or resumes the clock.</source>
        <translation>&lt;b&gt;F5&lt;/b&gt; da la palabra al siguiente orador; &lt;b&gt;F8&lt;/b&gt; termina la intervención; &lt;b&gt;F6&lt;/b&gt; pausa o reanuda el reloj.</translation>
    </message>
    <message>
        <source>&lt;b&gt;F7&lt;/b&gt; gives 30 seconds more; &lt;b&gt;Shift+F7&lt;/b&gt; takes 30 away.</source>
        <translation>&lt;b&gt;F7&lt;/b&gt; da 30 segundos más; &lt;b&gt;Shift+F7&lt;/b&gt; quita 30.</translation>
    </message>
    <message>
        <source>&lt;b&gt;F9&lt;/b&gt; point of order: it is heard at once and the speaker&apos;s clock waits. &lt;b&gt;Ctrl+R&lt;/b&gt; right of reply: it goes next.</source>
        <translation>&lt;b&gt;F9&lt;/b&gt; moción de orden: se atiende de inmediato y el reloj del orador espera. &lt;b&gt;Ctrl+R&lt;/b&gt; derecho de réplica: pasa a continuación.</translation>
    </message>
    <message>
        <source>Drag speakers (or &lt;b&gt;Alt+Up&lt;/b&gt;/&lt;b&gt;Alt+Down&lt;/b&gt;) to change the order; &lt;b&gt;Delete&lt;/b&gt; withdraws one.</source>
        <translation>Arrastre a los oradores (o use &lt;b&gt;Alt+Up&lt;/b&gt;/&lt;b&gt;Alt+Down&lt;/b&gt;) para cambiar el orden; &lt;b&gt;Supr&lt;/b&gt; retira a uno.</translation>
    </message>
    <message>
        <source>&lt;b&gt;F11&lt;/b&gt; shows the room screen; &lt;b&gt;F1&lt;/b&gt; lists every key.</source>
        <translation>&lt;b&gt;F11&lt;/b&gt; muestra la pantalla de la sala; &lt;b&gt;F1&lt;/b&gt; enumera todas las teclas.</translation>
    </message>
    <message>
        <source>Correct attendance by hand where needed (someone came in late, a substitute); every change is kept in the audit trail.</source>
        <translation>Corrija la asistencia a mano donde haga falta (alguien llegó tarde, un suplente); cada cambio queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Export the minutes as PDF: a DRAFT watermark until they are final, in Spanish or English.</source>
        <translation>Exporte el acta en PDF, en español o en inglés: lleva la marca de agua BORRADOR hasta que sea definitiva.</translation>
    </message>
    <message>
        <source>Attendance and speeches also go out as CSV or Excel files, and the debate as Akoma Ntoso.</source>
        <translation>La asistencia y las intervenciones también se exportan como archivos CSV o Excel, y el debate como Akoma Ntoso.</translation>
    </message>
    <message>
        <source>Choose the session: attendance fills in from the desk&apos;s check-ins.</source>
        <translation>Elija la sesión: la asistencia se completa con los registros de llegada de la mesa de registro.</translation>
    </message>
    <message>
        <source>Write the agreements and initiatives of the session.</source>
        <translation>Redacte los acuerdos y las iniciativas de la sesión.</translation>
    </message>
    <message>
        <source>Read the colour (the same as on the screen):</source>
        <translation>Mire el color (el mismo que en la pantalla):</translation>
    </message>
</context>
<context>
    <name>InitiativeDialog</name>
    <message>
        <source>Legislative initiative</source>
        <translation>Iniciativa legislativa</translation>
    </message>
    <message>
        <source>(choose the delegation)</source>
        <translation>(elija la delegación)</translation>
    </message>
    <message>
        <source>Not pledged in a session</source>
        <translation>No comprometida en una sesión</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Lawmakers (sponsors)</source>
        <translation>Legisladores (proponentes)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Short description</source>
        <translation>Descripción breve</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Pledged in</source>
        <translation>Asumida en</translation>
    </message>
    <message>
        <source>Has a target date</source>
        <translation>Tiene fecha prevista</translation>
    </message>
    <message>
        <source>Language pledged in</source>
        <translation>Idioma en que se asumió</translation>
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
        <translation>Asumida</translation>
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
    <message>
        <source>An initiative has no field {name}.</source>
        <translation>Una iniciativa no tiene el campo {name}.</translation>
    </message>
    <message>
        <source>Give the initiative a title.</source>
        <translation>Indique el título de la iniciativa.</translation>
    </message>
    <message>
        <source>The title is too long (400 characters at most).</source>
        <translation>El título es demasiado largo (400 caracteres como máximo).</translation>
    </message>
    <message>
        <source>Choose the delegation that pledges the initiative.</source>
        <translation>Elija la delegación que se compromete a presentar la iniciativa.</translation>
    </message>
    <message>
        <source>{value!r} is not a kind of initiative.</source>
        <translation>{value!r} no es un tipo de iniciativa.</translation>
    </message>
    <message>
        <source>{value!r} is not a status of an initiative.</source>
        <translation>{value!r} no es un estado de iniciativa.</translation>
    </message>
    <message>
        <source>The target date must be a date.</source>
        <translation>La fecha prevista debe ser una fecha.</translation>
    </message>
    <message>
        <source>There is no participant number {id}.</source>
        <translation>No existe ningún participante con el número {id}.</translation>
    </message>
    <message>
        <source>There is no initiative {id}.</source>
        <translation>No existe la iniciativa {id}.</translation>
    </message>
    <message>
        <source>Budget item</source>
        <translation>Partida presupuestaria</translation>
    </message>
</context>
<context>
    <name>InitiativesModel</name>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Lawmakers</source>
        <translation>Legisladores</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>the initiative “{title}”</source>
        <translation>la iniciativa “{title}”</translation>
    </message>
    <message>
        <source>1 initiative</source>
        <translation>1 iniciativa</translation>
    </message>
    <message>
        <source>{total} initiatives</source>
        <translation>{total} iniciativas</translation>
    </message>
    <message>
        <source>{shown} of {total} initiatives</source>
        <translation>{shown} de {total} iniciativas</translation>
    </message>
</context>
<context>
    <name>InitiativesPage</name>
    <message>
        <source>Add initiative…</source>
        <translation>Agregar iniciativa…</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Iniciativas</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>The PIN is {low} to {high} digits.</source>
        <translation>El PIN tiene de {low} a {high} dígitos.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <translation>Demasiados PIN incorrectos. Intente de nuevo en {seconds} segundos.</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Leave kiosk mode…</source>
        <translation>Salir del modo quiosco…</translation>
    </message>
    <message>
        <source>Kiosk mode: only the desk is open.</source>
        <translation>Modo quiosco: solo está abierta la mesa de registro.</translation>
    </message>
    <message>
        <source>Kiosk mode needs a PIN</source>
        <translation>El modo quiosco necesita un PIN</translation>
    </message>
    <message>
        <source>Set a kiosk PIN first in Setup → This desk: it is what lets a supervisor leave kiosk mode.</source>
        <translation>Establezca primero un PIN del modo quiosco en Configuración → Esta mesa: es lo que permite a un supervisor salir del modo quiosco.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>[original in {language}]</source>
        <translation>[original en {language}]</translation>
    </message>
    <message>
        <source>[in {language}]</source>
        <translation>[en {language}]</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Re-add last</source>
        <translation>Reponer al último</translation>
    </message>
    <message>
        <source>Give the floor</source>
        <translation>Dar la palabra</translation>
    </message>
    <message>
        <source>Give the floor to the selected speaker, out of turn</source>
        <translation>Dar la palabra al orador seleccionado, fuera de turno</translation>
    </message>
    <message>
        <source>Waiting to speak: {count}</source>
        <translation>En espera: {count}</translation>
    </message>
    <message>
        <source>Ctrl+Z puts the speaker back where they were</source>
        <translation>Ctrl+Z devuelve al orador a su lugar</translation>
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
        <source>&amp;Back up to…</source>
        <translation>Hacer &amp;copia de seguridad en…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Res&amp;taurar copia de seguridad…</translation>
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
        <source>&amp;Kiosk mode (desk only)</source>
        <translation>Modo &amp;quiosco (solo mesa de registro)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>How the &amp;desk works</source>
        <translation>Cómo funciona la &amp;mesa de registro</translation>
    </message>
    <message>
        <source>How the &amp;chair works</source>
        <translation>Cómo funciona la &amp;presidencia</translation>
    </message>
    <message>
        <source>How the &amp;records work</source>
        <translation>Cómo funcionan las actas y &amp;registros</translation>
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
    <message>
        <source>A badge was scanned, but no event is open.</source>
        <translation>Se escaneó un gafete, pero no hay ningún evento abierto.</translation>
    </message>
    <message>
        <source>Quit Encounter Desk</source>
        <translation>Salir de Encounter Desk</translation>
    </message>
    <message>
        <source>An event is open. Quit Encounter Desk? Scans at this laptop stop until it is opened again.</source>
        <translation>Hay un evento abierto. ¿Salir de Encounter Desk? Esta laptop no registrará escaneos hasta que se vuelva a abrir.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
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
    <name>Minutes</name>
    <message>
        <source>Chair</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secretaría</translation>
    </message>
    <message>
        <source>Minutes of session {number}: {title}</source>
        <translation>Acta de la sesión {number}: {title}</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Secretario</translation>
    </message>
    <message>
        <source>1. Attendance</source>
        <translation>1. Asistencia</translation>
    </message>
    <message>
        <source>No interventions.</source>
        <translation>Sin intervenciones.</translation>
    </message>
    <message>
        <source>{kind}, {duration}, language {language}</source>
        <translation>{kind}, {duration}, idioma: {language}</translation>
    </message>
    <message>
        <source>The session has not been adjourned yet.</source>
        <translation>La sesión aún no se ha levantado.</translation>
    </message>
    <message>
        <source>The Akoma Ntoso export points at {ref}, which it does not declare (element {element}, attribute {attribute}).</source>
        <translation>La exportación Akoma Ntoso hace referencia a {ref}, que no declara (elemento {element}, atributo {attribute}).</translation>
    </message>
    <message>
        <source>Member delegations</source>
        <translation>Delegaciones miembro</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>Observadores</translation>
    </message>
    <message>
        <source>International organizations</source>
        <translation>Organismos internacionales</translation>
    </message>
    <message>
        <source>Presidency Pro-Tempore and Technical Secretariat</source>
        <translation>Presidencia Pro-Tempore y Secretaría Técnica</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Invitados</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>Otros participantes</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Mujeres</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Hombres</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Present: {present} · Excused: {excused} · Absent: {absent} · Total: {total}</source>
        <translation>Presentes: {present} · Ausencias justificadas: {excused} · Ausentes: {absent} · Total: {total}</translation>
    </message>
    <message>
        <source>Lawmakers present: {present} of {total}</source>
        <translation>Legisladores presentes: {present} de {total}</translation>
    </message>
    <message>
        <source>Member delegations represented: {represented} of {members}</source>
        <translation>Delegaciones miembro representadas: {represented} de {members}</translation>
    </message>
    <message>
        <source>No delegation</source>
        <translation>Sin delegación</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Fuera del orden del día</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>E</source>
        <translation>J</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>present {present} · excused {excused} · absent {absent}</source>
        <translation>presentes {present} · ausencias justificadas {excused} · ausentes {absent}</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orador(a)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Item {number}. {title}</source>
        <translation>Punto {number}. {title}</translation>
    </message>
    <message>
        <source>Nobody took the floor.</source>
        <translation>Nadie hizo uso de la palabra.</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No agreements were recorded.</source>
        <translation>No se registraron acuerdos.</translation>
    </message>
    <message>
        <source>Annex {number}: {title}</source>
        <translation>Anexo {number}: {title}</translation>
    </message>
    <message>
        <source>No initiatives were pledged.</source>
        <translation>No se comprometieron iniciativas.</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Iniciativa</translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation>Proponentes</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>PROYECTO</translation>
    </message>
    <message>
        <source>Report of the encounter</source>
        <translation>Informe del encuentro</translation>
    </message>
    <message>
        <source>1. Sessions</source>
        <translation>1. Sesiones</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Tiempo de intervención</translation>
    </message>
    <message>
        <source>Session {number}: {quorum}</source>
        <translation>Sesión {number}: {quorum}</translation>
    </message>
    <message>
        <source>2. Attendance across the encounter</source>
        <translation>2. Asistencia durante el encuentro</translation>
    </message>
    <message>
        <source>P present · E excused · A absent, for each session in order.</source>
        <translation>P presente · J ausencia justificada · A ausente, para cada sesión en orden.</translation>
    </message>
    <message>
        <source>3. Agreements</source>
        <translation>3. Acuerdos</translation>
    </message>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
    </message>
    <message>
        <source>4. Road map of legislative initiatives</source>
        <translation>4. Hoja de ruta de las iniciativas legislativas</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>no celebrada</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>en receso</translation>
    </message>
    <message>
        <source>adjourned</source>
        <translation>clausurada</translation>
    </message>
    <message>
        <source>At the opening ({time}): {quorum}</source>
        <translation>Al abrirse la sesión ({time}): {quorum}</translation>
    </message>
    <message>
        <source>Approved on {date}</source>
        <translation>Aprobada el {date}</translation>
    </message>
    <message>
        <source>Approved at session {number} on {date}</source>
        <translation>Aprobada en la sesión {number} el {date}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Adjourned</source>
        <translation>Clausura</translation>
    </message>
    <message>
        <source>The session was suspended from {start} to {end}.</source>
        <translation>Se decretó un receso de las {start} a las {end} horas.</translation>
    </message>
    <message>
        <source>The session has been suspended since {start}.</source>
        <translation>La sesión se encuentra en receso desde las {start} horas.</translation>
    </message>
    <message>
        <source>DRAFT MINUTES</source>
        <translation>PROYECTO DE ACTA</translation>
    </message>
    <message>
        <source>APPROVED MINUTES</source>
        <translation>ACTA APROBADA</translation>
    </message>
    <message>
        <source>FINAL MINUTES</source>
        <translation>ACTA DEFINITIVA</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefe de delegación</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Orden del día</translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation>Desarrollo de la sesión</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Other agreements</source>
        <translation>Otros acuerdos</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>(annex {number})</source>
        <translation>(anexo {number})</translation>
    </message>
    <message>
        <source>Annexes</source>
        <translation>Anexos</translation>
    </message>
    <message>
        <source>Legislative initiatives pledged in this session</source>
        <translation>Iniciativas legislativas asumidas en esta sesión</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Clausura</translation>
    </message>
    <message>
        <source>Minutes of the session</source>
        <translation>Acta de la sesión</translation>
    </message>
    <message>
        <source>President</source>
        <translation>Presidente</translation>
    </message>
    <message>
        <source>In {city}, at {time} on {date}</source>
        <translation>En {city}, siendo las {time} horas del {date}</translation>
    </message>
    <message>
        <source>, in {room}</source>
        <translation>, en {room}</translation>
    </message>
    <message>
        <source>, with {chair} presiding</source>
        <translation>, bajo la presidencia de {chair}</translation>
    </message>
    <message>
        <source>, {secretary} acting as {title}</source>
        <translation>, actuando como {title} {secretary}</translation>
    </message>
    <message>
        <source>, the quorum having been verified with {represented} of the {members} member delegations represented</source>
        <translation>, verificado el quórum con la presencia de {represented} de las {members} delegaciones miembro</translation>
    </message>
    <message>
        <source>, the session was declared open.</source>
        <translation>, se declaró abierta la sesión.</translation>
    </message>
    <message>
        <source>There being no further business, the session was adjourned at {time}.</source>
        <translation>No habiendo más asuntos que tratar, se levantó la sesión a las {time} horas.</translation>
    </message>
    <message>
        <source>{city}, {date}</source>
        <translation>{city}, a {date}</translation>
    </message>
    <message>
        <source>5. Speaking time</source>
        <translation>5. Tiempo de uso de la palabra</translation>
    </message>
    <message>
        <source>Over their time: {count} of {total} interventions.</source>
        <translation>Excedieron su tiempo: {count} de {total} intervenciones.</translation>
    </message>
    <message>
        <source>The Akoma Ntoso document is not valid ({detail}); nothing was written.</source>
        <translation>El documento Akoma Ntoso no es válido ({detail}); no se guardó nada.</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>Abstenciones</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Member delegations represented</source>
        <translation>Delegaciones miembro representadas</translation>
    </message>
    <message>
        <source>The point of order interrupted the speech of</source>
        <translation>La moción de orden interrumpió la intervención de</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Ausentes</translation>
    </message>
    <message>
        <source>Role, institution / committee</source>
        <translation>Cargo, institución / comisión</translation>
    </message>
    <message>
        <source>Reading the records of the encounter…</source>
        <translation>Leyendo los registros del encuentro…</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <source>Minutes of the session</source>
        <translation>Acta de la sesión</translation>
    </message>
    <message>
        <source>What the minutes say (in the document&apos;s language)</source>
        <translation>Lo que dice el acta (en el idioma del documento)</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Idioma del documento</translation>
    </message>
    <message>
        <source>Final (no DRAFT watermark)</source>
        <translation>Definitiva (sin marca de agua PROYECTO)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Write the minutes to a temporary file and open them in the PDF viewer</source>
        <translation>Guardar el acta en un archivo temporal y abrirla en el visor de PDF</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Akoma Ntoso XML…</source>
        <translation>XML Akoma Ntoso…</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Spreadsheets in the language chosen above: .xlsx for Excel, .csv for any program. The event report gathers every session, attendance across the encounter, all agreements and the initiatives road map.</source>
        <translation>Hojas de cálculo en el idioma elegido arriba: .xlsx para Excel, .csv para cualquier programa. El informe del evento reúne todas las sesiones, la asistencia durante todo el encuentro, todos los acuerdos y la hoja de ruta de las iniciativas.</translation>
    </message>
    <message>
        <source>Attendance and speeches of every session, not only this one</source>
        <translation>Asistencia e intervenciones de todas las sesiones, no solo de esta</translation>
    </message>
    <message>
        <source>Event report…</source>
        <translation>Informe del evento…</translation>
    </message>
    <message>
        <source>Attendance CSV/XLSX…</source>
        <translation>Asistencia CSV/XLSX…</translation>
    </message>
    <message>
        <source>Speeches CSV/XLSX…</source>
        <translation>Intervenciones CSV/XLSX…</translation>
    </message>
    <message>
        <source>Choose a session.</source>
        <translation>Elija una sesión.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Date and place</source>
        <translation>Fecha y lugar</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Horario previsto</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Adjourned</source>
        <translation>Clausura</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quórum</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>{count} ({time} in all)</source>
        <translation>{count} ({time} en total)</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>Initiatives pledged</source>
        <translation>Iniciativas asumidas</translation>
    </message>
    <message>
        <source>Preview of the minutes of session {number} opened from {path}</source>
        <translation>Vista previa del acta de la sesión {number} abierta desde {path}</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Guardar el acta</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Minutes of session {number} written to {path}</source>
        <translation>Acta de la sesión {number} guardada en {path}</translation>
    </message>
    <message>
        <source>Save the Akoma Ntoso document</source>
        <translation>Guardar el documento Akoma Ntoso</translation>
    </message>
    <message>
        <source>Akoma Ntoso XML (*.xml)</source>
        <translation>XML Akoma Ntoso (*.xml)</translation>
    </message>
    <message>
        <source>Akoma Ntoso debate of session {number} written to {path}</source>
        <translation>Debate Akoma Ntoso de la sesión {number} guardado en {path}</translation>
    </message>
    <message>
        <source>Save the event report</source>
        <translation>Guardar el informe del evento</translation>
    </message>
    <message>
        <source>Event report written to {path}</source>
        <translation>Informe del evento guardado en {path}</translation>
    </message>
    <message>
        <source>Save the attendance</source>
        <translation>Guardar la asistencia</translation>
    </message>
    <message>
        <source>Save the speeches</source>
        <translation>Guardar las intervenciones</translation>
    </message>
    <message>
        <source>Attendance written to {path}</source>
        <translation>Asistencia guardada en {path}</translation>
    </message>
    <message>
        <source>Speeches written to {path}</source>
        <translation>Intervenciones guardadas en {path}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Libro de Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Final minutes only once the session is adjourned</source>
        <translation>Acta definitiva solo una vez levantada la sesión</translation>
    </message>
    <message>
        <source>The minutes print the opening, the attendance by delegation (with institution and committee), the agenda, each item with its interventions and its agreements (a vote by delegation names each delegation&apos;s vote), the annexes, the initiatives pledged, the closing and the signature block. Final and approved minutes only once the session is adjourned.</source>
        <translation>El acta imprime la apertura, la asistencia por delegación (con institución y comisión), el orden del día, cada punto con sus intervenciones y sus acuerdos (una votación por delegación consigna el voto de cada delegación), los anexos, las iniciativas asumidas, la clausura y el bloque de firmas. El acta definitiva y la aprobada, solo una vez levantada la sesión.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Aprobar…</translation>
    </message>
    <message>
        <source>Record at which session the minutes of this adjourned session were approved</source>
        <translation>Registrar en qué sesión se aprobó el acta de esta sesión ya levantada</translation>
    </message>
    <message>
        <source>Minutes approved</source>
        <translation>Acta aprobada</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Acta</translation>
    </message>
    <message>
        <source>The minutes of session {number} were approved at session {at}.</source>
        <translation>El acta de la sesión {number} se aprobó en la sesión {at}.</translation>
    </message>
</context>
<context>
    <name>NotRecordedPanel</name>
    <message>
        <source>NOT RECORDED — the server cannot be reached</source>
        <translation>NO REGISTRADO — no se puede conectar con el servidor</translation>
    </message>
    <message>
        <source>NOT RECORDED — the scan could not be saved</source>
        <translation>NO REGISTRADO — no se pudo guardar la lectura</translation>
    </message>
    <message>
        <source>Scan the badge again when the connection is back. You can still search for names.</source>
        <translation>Vuelva a escanear el gafete cuando se restablezca la conexión. Aún puede buscar por nombre.</translation>
    </message>
</context>
<context>
    <name>OnlyPresentBox</name>
    <message>
        <source>Only present may speak</source>
        <translation>Solo presentes hablan</translation>
    </message>
    <message>
        <source>Only participants marked present at this session may be put on this list</source>
        <translation>Solo los participantes registrados como presentes en esta sesión pueden inscribirse en esta lista</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Unknown paper {value!r}: use letter or a4.</source>
        <translation>Papel desconocido {value!r}: use letter (carta) o a4.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>The event&apos;s paper</source>
        <translation>El papel del evento</translation>
    </message>
</context>
<context>
    <name>ParagraphDialog</name>
    <message>
        <source>New paragraph</source>
        <translation>Nuevo párrafo</translation>
    </message>
    <message>
        <source>Paragraph {code}</source>
        <translation>Párrafo {code}</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Preámbulo</translation>
    </message>
    <message>
        <source>Operative part</source>
        <translation>Parte operativa</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
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
        <translation>Se muestra en cada lectura, p. ej. jefe de delegación, usuario de silla de ruedas</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tratamiento:</translation>
    </message>
    <message>
        <source>Given names:</source>
        <translation>Nombres:</translation>
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
</context>
<context>
    <name>Participants</name>
    <message>
        <source>This participant cannot be deleted: the record of the event refers to them.</source>
        <translation>No se puede eliminar a este participante: el registro del evento hace referencia a él.</translation>
    </message>
    <message>
        <source>Unknown participant field: {names}.</source>
        <translation>Campo de participante desconocido: {names}.</translation>
    </message>
    <message>
        <source>This participant no longer exists; the list was refreshed.</source>
        <translation>Este participante ya no existe; se actualizó la lista.</translation>
    </message>
    <message>
        <source>{email} is not an email address.</source>
        <translation>{email} no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Unknown gender: {value}.</source>
        <translation>Género desconocido: {value}.</translation>
    </message>
    <message>
        <source>Unknown category: {value}.</source>
        <translation>Categoría desconocida: {value}.</translation>
    </message>
    <message>
        <source>This delegation no longer exists.</source>
        <translation>Esta delegación ya no existe.</translation>
    </message>
    <message>
        <source>A participant needs a given name or a surname.</source>
        <translation>Un participante necesita un nombre o un apellido.</translation>
    </message>
    <message>
        <source>{name} is already registered in this delegation.</source>
        <translation>{name} ya está registrado en esta delegación.</translation>
    </message>
    <message>
        <source>Unknown language: {value}.</source>
        <translation>Idioma desconocido: {value}.</translation>
    </message>
    <message>
        <source>“{value}…” is longer than {limit} characters.</source>
        <translation>«{value}…» tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>{email} is already the email of {name}.</source>
        <translation>{email} ya es el correo electrónico de {name}.</translation>
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
    <name>ParticipantsPage</name>
    <message>
        <source>Reinstate accreditation…</source>
        <translation>Restituir acreditación…</translation>
    </message>
    <message>
        <source>Withdraw accreditation…</source>
        <translation>Retirar acreditación…</translation>
    </message>
    <message>
        <source>Withdrawn: {reason}</source>
        <translation>Retirada: {reason}</translation>
    </message>
    <message>
        <source>Their badge then admits nobody; they stay in the record.</source>
        <translation>Su gafete ya no dará acceso a nadie; la persona permanece en el registro.</translation>
    </message>
    <message>
        <source>Reinstate accreditation</source>
        <translation>Restituir acreditación</translation>
    </message>
    <message>
        <source>Give {name} their accreditation back? Their badge admits them again.</source>
        <translation>¿Devolver la acreditación a {name}? Su gafete vuelve a darle acceso.</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>Restituir</translation>
    </message>
    <message>
        <source>Withdraw accreditation</source>
        <translation>Retirar acreditación</translation>
    </message>
    <message>
        <source>Why is the accreditation of {name} withdrawn? Their badge will admit nobody; they stay in the record.</source>
        <translation>¿Por qué se retira la acreditación de {name}? Su gafete no dará acceso a nadie; la persona permanece en el registro.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Type the kiosk PIN to leave kiosk mode.</source>
        <translation>Escriba el PIN del modo quiosco para salir de este modo.</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation>Ese no es el PIN.</translation>
    </message>
</context>
<context>
    <name>PointReason</name>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quórum</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Interpretación</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro motivo</translation>
    </message>
</context>
<context>
    <name>PointReasonDialog</name>
    <message>
        <source>Reason of the point of order</source>
        <translation>Motivo de la moción de orden</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Planteada por</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>PointReasonFields</name>
    <message>
        <source>Not stated yet</source>
        <translation>Aún sin indicar</translation>
    </message>
    <message>
        <source>Say which, in a few words</source>
        <translation>Diga cuál, en pocas palabras</translation>
    </message>
    <message>
        <source>In a few words (optional)</source>
        <translation>En pocas palabras (opcional)</translation>
    </message>
</context>
<context>
    <name>PresenceNote</name>
    <message>
        <source>Mark present</source>
        <translation>Marcar presente</translation>
    </message>
    <message>
        <source>{name} is not marked present at this session.</source>
        <translation>{name} no está registrado como presente en esta sesión.</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>CERTIFICATE OF ATTENDANCE</source>
        <translation>CONSTANCIA DE ASISTENCIA</translation>
    </message>
    <message>
        <source>Commitments by stage reached and horizon</source>
        <translation>Compromisos por etapa alcanzada y plazo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefatura de delegación</translation>
    </message>
    <message>
        <source>Institution / committee</source>
        <translation>Institución / comisión</translation>
    </message>
    <message>
        <source>List of participants</source>
        <translation>Lista de participantes</translation>
    </message>
    <message>
        <source>Name plates</source>
        <translation>Gafetes de mesa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>No commitments yet.</source>
        <translation>Todavía no hay compromisos.</translation>
    </message>
    <message>
        <source>No session has been held yet.</source>
        <translation>Todavía no se ha celebrado ninguna sesión.</translation>
    </message>
    <message>
        <source>Nobody has spoken yet.</source>
        <translation>Nadie ha hecho uso de la palabra todavía.</translation>
    </message>
    <message>
        <source>Participants present at each session</source>
        <translation>Participantes presentes en cada sesión</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Session {number}: {title} — {date}</source>
        <translation>Sesión {number}: {title} — {date}</translation>
    </message>
    <message>
        <source>Speaking time by delegation (minutes)</source>
        <translation>Tiempo de uso de la palabra por delegación (minutos)</translation>
    </message>
    <message>
        <source>Speaking time by gender (minutes)</source>
        <translation>Tiempo de uso de la palabra por género (minutos)</translation>
    </message>
    <message>
        <source>S{number}</source>
        <translation>S{number}</translation>
    </message>
    <message>
        <source>This is to certify that</source>
        <translation>Se hace constar que</translation>
    </message>
    <message>
        <source>attended the following session of the encounter, held in {place}, {dates}:</source>
        <translation>asistió a la siguiente sesión del encuentro, celebrado en {place}, {dates}:</translation>
    </message>
    <message>
        <source>attended the following {count} sessions of the encounter, held in {place}, {dates}:</source>
        <translation>asistió a las siguientes {count} sesiones del encuentro, celebrado en {place}, {dates}:</translation>
    </message>
    <message>
        <source>{place}, {date}</source>
        <translation>{place}, {date}</translation>
    </message>
    <message>
        <source>Nobody has attended a session yet: there are no certificates to print.</source>
        <translation>Nadie ha asistido todavía a una sesión: no hay constancias que imprimir.</translation>
    </message>
    <message>
        <source>Drawing {count} certificates…</source>
        <translation>Dibujando {count} constancias…</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>Each participant&apos;s language</source>
        <translation>El idioma de cada participante</translation>
    </message>
    <message>
        <source>Usual language</source>
        <translation>Idioma habitual</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Certificates of attendance</source>
        <translation>Constancias de asistencia</translation>
    </message>
    <message>
        <source>Name plates</source>
        <translation>Gafetes de mesa</translation>
    </message>
    <message>
        <source>List of participants</source>
        <translation>Lista de participantes</translation>
    </message>
    <message>
        <source>One page for each participant who attended at least one session, with the sessions and their dates, and the signature lines of the Presidency Pro Tempore and the Technical Secretariat.</source>
        <translation>Una página por cada participante que asistió al menos a una sesión, con las sesiones y sus fechas, y las líneas de firma de la Presidencia Pro Tempore y de la Secretaría Técnica.</translation>
    </message>
    <message>
        <source>A folded card per delegation: the flag and the name large, in Spanish on one face and in English on the other. Fold along the dotted line.</source>
        <translation>Una tarjeta doblada por delegación: la bandera y el nombre en grande, en español en una cara y en inglés en la otra. Doble por la línea punteada.</translation>
    </message>
    <message>
        <source>By delegation in the official order, heads of delegation first: title, name, position, institution and email.</source>
        <translation>Por delegación en el orden oficial, con las jefaturas de delegación primero: tratamiento, nombre, cargo, institución y correo electrónico.</translation>
    </message>
    <message>
        <source>A card per person instead of per delegation</source>
        <translation>Una tarjeta por persona en lugar de por delegación</translation>
    </message>
    <message>
        <source>Public version, without email addresses</source>
        <translation>Versión pública, sin correos electrónicos</translation>
    </message>
    <message>
        <source>Language of a delegation&apos;s documents</source>
        <translation>Idioma de los documentos de una delegación</translation>
    </message>
    <message>
        <source>Certificates and follow-up forms are in English for Belize, Canada and the United States and in Spanish for the others, unless chosen here. A person&apos;s own language (in their record) comes first.</source>
        <translation>Las constancias y los formularios de seguimiento van en inglés para Belice, Canadá y Estados Unidos y en español para las demás, salvo que se elija aquí. El idioma propio de cada persona (en su registro) tiene prioridad.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>List of {count} participants written to {path}</source>
        <translation>Lista de {count} participantes escrita en {path}</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>{count} certificates written to {path}</source>
        <translation>{count} constancias escritas en {path}</translation>
    </message>
    <message>
        <source>{count} name plates written to {path}</source>
        <translation>{count} gafetes de mesa escritos en {path}</translation>
    </message>
    <message>
        <source>The documents of {delegation} will be in {language}.</source>
        <translation>Los documentos de {delegation} irán en {language}.</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Gafetes</translation>
    </message>
    <message>
        <source>Everyone&apos;s badge with its QR code, eight to a sheet with cut marks, to print before the encounter. A badge printed again keeps its code.</source>
        <translation>El gafete de cada participante con su código QR, ocho por hoja con marcas de corte, para imprimirlos antes del encuentro. Un gafete impreso de nuevo conserva su código.</translation>
    </message>
    <message>
        <source>One badge per A6 page, for badge holders</source>
        <translation>Un gafete por página A6, para portagafetes</translation>
    </message>
    <message>
        <source>{count} badges written to {path}</source>
        <translation>{count} gafetes guardados en {path}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer refused the badge: {reason}</source>
        <translation>La impresora rechazó el gafete: {reason}</translation>
    </message>
    <message>
        <source>The print queue did not answer within {seconds} seconds; the badge is saved as a PDF: {path}</source>
        <translation>La cola de impresión no respondió en {seconds} segundos; el gafete quedó guardado como PDF: {path}</translation>
    </message>
    <message>
        <source>The print queue refused the badge for {printer}: {reason}</source>
        <translation>La cola de impresión rechazó el gafete para {printer}: {reason}</translation>
    </message>
    <message>
        <source>This laptop has no print queue (the lp command is missing); the badge is saved as a PDF: {path}</source>
        <translation>Esta computadora no tiene cola de impresión (falta el comando lp); el gafete quedó guardado como PDF: {path}</translation>
    </message>
    <message>
        <source>Print the badge</source>
        <translation>Imprimir el gafete</translation>
    </message>
    <message>
        <source>Print the badge (Windows prints on the default printer)</source>
        <translation>Imprimir el gafete (Windows imprime en la impresora predeterminada)</translation>
    </message>
    <message>
        <source>No printer is installed on this laptop; the badge was saved as a PDF instead: {path}</source>
        <translation>No hay ninguna impresora instalada en esta computadora; el gafete se guardó como PDF: {path}</translation>
    </message>
    <message>
        <source>{copies} copies of the badge sent to {printer}</source>
        <translation>{copies} copias del gafete enviadas a {printer}</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>la impresora predeterminada</translation>
    </message>
    <message>
        <source>Sending the badge to {printer}…</source>
        <translation>Enviando el gafete a {printer}…</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Saving {name}…</source>
        <translation>Guardando {name}…</translation>
    </message>
    <message>
        <source>Laying out {title}…</source>
        <translation>Diagramando {title}…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Stopping… nothing is kept of what was begun.</source>
        <translation>Deteniendo… no se conserva nada de lo que se comenzó.</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Tiempo de intervención</translation>
    </message>
    <message>
        <source>Please conclude</source>
        <translation>Por favor, concluya</translation>
    </message>
    <message>
        <source>Speech ended</source>
        <translation>Intervención concluida</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation>No hay ninguna sesión abierta.</translation>
    </message>
    <message>
        <source>Item {number}. {title}</source>
        <translation>Punto {number}. {title}</translation>
    </message>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
    </message>
    <message>
        <source>The floor will be given to the next speaker.</source>
        <translation>Se dará la palabra al siguiente orador.</translation>
    </message>
    <message>
        <source>Nobody has the floor.</source>
        <translation>Nadie tiene la palabra.</translation>
    </message>
    <message>
        <source>Interrupts {name}</source>
        <translation>Interrumpe a {name}</translation>
    </message>
    <message>
        <source>First speech in this session</source>
        <translation>Primera intervención en esta sesión</translation>
    </message>
    <message>
        <source>The list of speakers is closed.</source>
        <translation>La lista de oradores está cerrada.</translation>
    </message>
    <message>
        <source>Next speakers</source>
        <translation>Próximos oradores</translation>
    </message>
    <message>
        <source>Encounter Desk — room screen</source>
        <translation>Encounter Desk — pantalla de la sala</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orador</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>★ first</source>
        <translation>★ primera</translation>
    </message>
    <message>
        <source>↩ {name}</source>
        <translation>↩ {name}</translation>
    </message>
    <message>
        <source>Answers {name}</source>
        <translation>Responde a {name}</translation>
    </message>
    <message>
        <source>First speech in this session</source>
        <translation>Primera intervención en esta sesión</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Use the form.</source>
        <translation>Use el formulario.</translation>
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
    <message>
        <source>Adopted by consensus.</source>
        <translation>Aprobado por consenso.</translation>
    </message>
    <message>
        <source>There is no session {id}.</source>
        <translation>No existe la sesión {id}.</translation>
    </message>
    <message>
        <source>The number of {what} must be a whole number, zero or more.</source>
        <translation>El número de {what} debe ser un número entero igual o mayor que cero.</translation>
    </message>
    <message>
        <source>An agreement has no field {name}.</source>
        <translation>Un acuerdo no tiene el campo {name}.</translation>
    </message>
    <message>
        <source>Write the text of the agreement (in Spanish or in English).</source>
        <translation>Escriba el texto del acuerdo (en español o en inglés).</translation>
    </message>
    <message>
        <source>An agreement is adopted by consensus or by vote, not {value!r}.</source>
        <translation>Un acuerdo se aprueba por consenso o por votación, no {value!r}.</translation>
    </message>
    <message>
        <source>votes in favour</source>
        <translation>votos a favor</translation>
    </message>
    <message>
        <source>votes against</source>
        <translation>votos en contra</translation>
    </message>
    <message>
        <source>abstentions</source>
        <translation>abstenciones</translation>
    </message>
    <message>
        <source>An agreement adopted by vote needs the votes in favour.</source>
        <translation>Un acuerdo aprobado por votación requiere los votos a favor.</translation>
    </message>
    <message>
        <source>A declaration printed as an annex needs a title.</source>
        <translation>Una declaración impresa como anexo requiere un título.</translation>
    </message>
    <message>
        <source>That agenda item is not on this session&apos;s agenda.</source>
        <translation>Ese punto no figura en el orden del día de esta sesión.</translation>
    </message>
    <message>
        <source>Agreements are numbered from 1.</source>
        <translation>Los acuerdos se numeran a partir de 1.</translation>
    </message>
    <message>
        <source>This session already has an agreement number {number}.</source>
        <translation>Esta sesión ya tiene un acuerdo número {number}.</translation>
    </message>
    <message>
        <source>There is no agreement {id}.</source>
        <translation>No existe el acuerdo {id}.</translation>
    </message>
    <message>
        <source>Export to a .csv or .xlsx file; {name} is neither.</source>
        <translation>Exporte a un archivo .csv o .xlsx; {name} no es ninguno de los dos.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del orden del día</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
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
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Limit (seconds)</source>
        <translation>Límite (segundos)</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Tiempo excedido</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Session {n} has not been opened.</source>
        <translation>La sesión {n} no se ha abierto.</translation>
    </message>
    <message>
        <source>Session {n} opened at {opened} and adjourned at {adjourned}.</source>
        <translation>La sesión {n} se abrió a las {opened} y se levantó a las {adjourned} horas.</translation>
    </message>
    <message>
        <source>Session {n} suspended (recess) since {time}.</source>
        <translation>La sesión {n} está en receso desde las {time} horas.</translation>
    </message>
    <message>
        <source>Session {n} opened at {time}.</source>
        <translation>La sesión {n} se abrió a las {time} horas.</translation>
    </message>
    <message>
        <source>Session {n} opened at {time}, with quorum: {present} of {members} member delegations represented.</source>
        <translation>La sesión {n} se abrió a las {time} horas, con quórum: {present} de {members} delegaciones miembro representadas.</translation>
    </message>
    <message>
        <source>Session {n} was not held (it was never opened): it has no attendance, no quorum and no minutes.</source>
        <translation>La sesión {n} no se celebró (nunca se abrió): no tiene asistencia, quórum ni acta.</translation>
    </message>
    <message>
        <source>Session {n} has not been adjourned yet: its minutes can be approved only after it is adjourned.</source>
        <translation>La sesión {n} aún no se ha levantado: su acta solo puede aprobarse después de levantarla.</translation>
    </message>
    <message>
        <source>Session {n} was already adjourned.</source>
        <translation>La sesión {n} ya se levantó.</translation>
    </message>
    <message>
        <source>Session {n} is already open.</source>
        <translation>La sesión {n} ya está abierta.</translation>
    </message>
    <message>
        <source>Session {n} cannot be opened: {quorum} Record the attendance first.</source>
        <translation>No se puede abrir la sesión {n}: {quorum} Registre primero la asistencia.</translation>
    </message>
    <message>
        <source>Only an open session can be suspended; session {n} is {stage}.</source>
        <translation>Solo se puede suspender una sesión abierta; la sesión {n} está {stage}.</translation>
    </message>
    <message>
        <source>Session {n} is not suspended.</source>
        <translation>La sesión {n} no está en receso.</translation>
    </message>
    <message>
        <source>A speaker still has the floor in session {n}: end the speech before adjourning.</source>
        <translation>Todavía hay un orador en uso de la palabra en la sesión {n}: termine la intervención antes de levantar la sesión.</translation>
    </message>
    <message>
        <source>The minutes of session {n} cannot be approved at an earlier session ({m}).</source>
        <translation>El acta de la sesión {n} no puede aprobarse en una sesión anterior ({m}).</translation>
    </message>
    <message>
        <source>A speaker has the floor in session {n}: pause or end the speech before the recess.</source>
        <translation>Hay un orador en uso de la palabra en la sesión {n}: pause o termine la intervención antes del receso.</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>Título de la sesión</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Jefe o jefa de delegación</translation>
    </message>
    <message>
        <source>Separate CSV cells with a comma, a semicolon or a tab.</source>
        <translation>Separe las celdas del CSV con coma, punto y coma o tabulador.</translation>
    </message>
    <message>
        <source>Adopted by vote: {tally}.</source>
        <translation>Aprobado por votación: {tally}.</translation>
    </message>
    <message>
        <source>Adopted by vote of the delegations: {tally}.</source>
        <translation>Aprobado por votación de las delegaciones: {tally}.</translation>
    </message>
    <message>
        <source>The tally ({given}) does not match the delegations&apos; votes ({counted}).</source>
        <translation>El cómputo ({given}) no coincide con los votos de las delegaciones ({counted}).</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Point of order reason</source>
        <translation>Motivo de la moción de orden</translation>
    </message>
</context>
<context>
    <name>RecordsWorkspace</name>
    <message>
        <source>Records</source>
        <translation>Actas y registros</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Iniciativas</translation>
    </message>
    <message>
        <source>Minutes and exports</source>
        <translation>Actas y exportaciones</translation>
    </message>
    <message>
        <source>No sessions yet: add them in Setup</source>
        <translation>Aún no hay sesiones: agréguelas en Configuración</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>{when} — {room}</source>
        <translation>{when} — {room}</translation>
    </message>
    <message>
        <source>Road map</source>
        <translation>Hoja de ruta</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impresos</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Pase de lista</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Traducciones</translation>
    </message>
</context>
<context>
    <name>RequestActions</name>
    <message>
        <source>Change the kind to</source>
        <translation>Cambiar el tipo a</translation>
    </message>
    <message>
        <source>Give this place to {name}</source>
        <translation>Dar este lugar a {name}</translation>
    </message>
    <message>
        <source>Give this place to the person found above</source>
        <translation>Dar este lugar a la persona encontrada arriba</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Reason of the point of order…</source>
        <translation>Motivo de la moción de orden…</translation>
    </message>
</context>
<context>
    <name>Roadmap</name>
    <message>
        <source>the number {value!r} is not one of this form&apos;s commitments.</source>
        <translation>el número {value!r} no es uno de los compromisos de este formulario.</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Anunciada</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>By delegation and horizon</source>
        <translation>Por delegación y plazo</translation>
    </message>
    <message>
        <source>Choose a stage from the list.</source>
        <translation>Elija una etapa de la lista.</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <source>Date of the stage (YYYY-MM-DD)</source>
        <translation>Fecha de la etapa (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Redactada</translation>
    </message>
    <message>
        <source>Each commitment and its history</source>
        <translation>Cada compromiso y su historial</translation>
    </message>
    <message>
        <source>Enacted</source>
        <translation>Promulgada</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Entered in the app</source>
        <translation>Registrado en la aplicación</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Focal point email</source>
        <translation>Correo del punto focal</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Punto focal</translation>
    </message>
    <message>
        <source>Follow-up form</source>
        <translation>Formulario de seguimiento</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>In committee</source>
        <translation>En comisión</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Lawmakers</source>
        <translation>Legisladoras y legisladores</translation>
    </message>
    <message>
        <source>Medium term (18 months)</source>
        <translation>Mediano plazo (18 meses)</translation>
    </message>
    <message>
        <source>No commitments were made.</source>
        <translation>No se asumieron compromisos.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>VENCIDO</translation>
    </message>
    <message>
        <source>Please fill in the shaded columns: choose the stage each commitment has reached from the list, and the date it reached it. Do not change the numbers.</source>
        <translation>Llene las columnas sombreadas: elija de la lista la etapa que alcanzó cada compromiso y la fecha en que la alcanzó. No cambie los números.</translation>
    </message>
    <message>
        <source>Pledged at the encounter</source>
        <translation>Asumido en el encuentro</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Dictaminada</translation>
    </message>
    <message>
        <source>Road map follow-up: {delegation}</source>
        <translation>Seguimiento de la hoja de ruta: {delegation}</translation>
    </message>
    <message>
        <source>Road map of legislative commitments</source>
        <translation>Hoja de ruta de los compromisos legislativos</translation>
    </message>
    <message>
        <source>Short term (6 months)</source>
        <translation>Corto plazo (6 meses)</translation>
    </message>
    <message>
        <source>Situation on {date}</source>
        <translation>Situación al {date}</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>Etapa alcanzada</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>The date of a change of stage cannot be in the future ({date}).</source>
        <translation>La fecha de un cambio de etapa no puede estar en el futuro ({date}).</translation>
    </message>
    <message>
        <source>The date of a change of stage cannot come before the last change ({date}).</source>
        <translation>La fecha de un cambio de etapa no puede ser anterior al último cambio ({date}).</translation>
    </message>
    <message>
        <source>The date of a change of stage must be a date.</source>
        <translation>La fecha de un cambio de etapa debe ser una fecha.</translation>
    </message>
    <message>
        <source>There is no delegation {id}.</source>
        <translation>No existe la delegación {id}.</translation>
    </message>
    <message>
        <source>Type a date (YYYY-MM-DD).</source>
        <translation>Escriba una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>at the encounter: {then}; now: </source>
        <translation>en el encuentro: {then}; ahora: </translation>
    </message>
    <message>
        <source>choose the stage reached.</source>
        <translation>elija la etapa alcanzada.</translation>
    </message>
    <message>
        <source>give the date the stage was reached.</source>
        <translation>indique la fecha en que se alcanzó la etapa.</translation>
    </message>
    <message>
        <source>{count} commitments of {delegations} delegations. Since the encounter, {moved} moved forward and {done} were approved or enacted; {overdue} are past their target date without being approved.</source>
        <translation>{count} compromisos de {delegations} delegaciones. Desde el encuentro, {moved} avanzaron y {done} fueron aprobados o promulgados; {overdue} pasaron su fecha meta sin ser aprobados.</translation>
    </message>
    <message>
        <source>{file} is not a follow-up form of the road map.</source>
        <translation>{file} no es un formulario de seguimiento de la hoja de ruta.</translation>
    </message>
    <message>
        <source>{file} is not a follow-up form that can be read ({reason}).</source>
        <translation>{file} no es un formulario de seguimiento legible ({reason}).</translation>
    </message>
    <message>
        <source>{file}, row {row}: {problem}</source>
        <translation>{file}, fila {row}: {problem}</translation>
    </message>
    <message>
        <source>{horizon}, target date {date}</source>
        <translation>{horizon}, fecha meta {date}</translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD).</source>
        <translation>{value!r} no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>{value!r} is not a horizon (short or medium term).</source>
        <translation>{value!r} no es un plazo (corto o mediano).</translation>
    </message>
    <message>
        <source>{value!r} is not a language of the documents (es or en).</source>
        <translation>{value!r} no es un idioma de los documentos (es o en).</translation>
    </message>
    <message>
        <source>{value!r} is not a stage of the road map.</source>
        <translation>{value!r} no es una etapa de la hoja de ruta.</translation>
    </message>
    <message>
        <source>{value!r} is not an email address.</source>
        <translation>{value!r} no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>▲{steps} since the encounter</source>
        <translation>▲{steps} desde el encuentro</translation>
    </message>
</context>
<context>
    <name>RoadmapPage</name>
    <message>
        <source>Change of stage</source>
        <translation>Cambio de etapa</translation>
    </message>
    <message>
        <source>Source or reference (gazette, committee report…)</source>
        <translation>Fuente o referencia (gaceta, dictamen…)</translation>
    </message>
    <message>
        <source>Record the change</source>
        <translation>Registrar el cambio</translation>
    </message>
    <message>
        <source>Road map details</source>
        <translation>Datos de la hoja de ruta</translation>
    </message>
    <message>
        <source>Save the details</source>
        <translation>Guardar los datos</translation>
    </message>
    <message>
        <source>Follow-up forms…</source>
        <translation>Formularios de seguimiento…</translation>
    </message>
    <message>
        <source>One spreadsheet per delegation, in its language, to send to its focal point</source>
        <translation>Una hoja de cálculo por delegación, en su idioma, para enviar a su punto focal</translation>
    </message>
    <message>
        <source>Import a returned form…</source>
        <translation>Importar un formulario devuelto…</translation>
    </message>
    <message>
        <source>Preview the report</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>Guardar el informe…</translation>
    </message>
    <message>
        <source>Folder for the follow-up forms</source>
        <translation>Carpeta para los formularios de seguimiento</translation>
    </message>
    <message>
        <source>{count} follow-up forms written to {path}</source>
        <translation>{count} formularios de seguimiento escritos en {path}</translation>
    </message>
    <message>
        <source>Import a returned follow-up form</source>
        <translation>Importar un formulario de seguimiento devuelto</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the road map report</source>
        <translation>Guardar el informe de la hoja de ruta</translation>
    </message>
    <message>
        <source>Road map report written to {path}</source>
        <translation>Informe de la hoja de ruta escrito en {path}</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>Etapa alcanzada</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Punto focal</translation>
    </message>
    <message>
        <source>Focal point email</source>
        <translation>Correo del punto focal</translation>
    </message>
    <message>
        <source>Text in Spanish</source>
        <translation>Texto en español</translation>
    </message>
    <message>
        <source>Text in English</source>
        <translation>Texto en inglés</translation>
    </message>
    <message>
        <source>No commitments yet: add initiatives in the Initiatives tab.</source>
        <translation>Todavía no hay compromisos: agregue iniciativas en la pestaña Iniciativas.</translation>
    </message>
    <message>
        <source>Folder (*)</source>
        <translation>Carpeta (*)</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>Road map</source>
        <translation>Hoja de ruta</translation>
    </message>
    <message>
        <source>Commitment {id}: {stage}.</source>
        <translation>Compromiso {id}: {stage}.</translation>
    </message>
    <message>
        <source>Details of commitment {id} saved.</source>
        <translation>Datos del compromiso {id} guardados.</translation>
    </message>
    <message>
        <source>{stages} changes of stage and {fields} other changes recorded.</source>
        <translation>Se registraron {stages} cambios de etapa y {fields} cambios más.</translation>
    </message>
    <message>
        <source>No change of stage recorded yet.</source>
        <translation>Todavía no se ha registrado ningún cambio de etapa.</translation>
    </message>
    <message>
        <source>{count} rows need correcting; nothing was written.</source>
        <translation>Hay que corregir {count} filas; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>RollCallModel</name>
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
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>{total} people</source>
        <translation>{total} personas</translation>
    </message>
    <message>
        <source>{shown} of {total} people</source>
        <translation>{shown} de {total} personas</translation>
    </message>
</context>
<context>
    <name>RoomScreenBox</name>
    <message>
        <source>Room screen (this laptop)</source>
        <translation>Pantalla de la sala (esta computadora)</translation>
    </message>
    <message>
        <source>F11 in the Chair shows the room&apos;s picture full screen on this screen, and the Chair keeps the keyboard. If it is unplugged, the picture becomes a window and goes back when a second screen returns. Kept on this laptop.</source>
        <translation>F11 en Presidencia muestra la imagen de la sala a pantalla completa en esta pantalla, y Presidencia conserva el teclado. Si se desconecta, la imagen pasa a una ventana y vuelve cuando regresa una segunda pantalla. Se guarda en esta computadora.</translation>
    </message>
    <message>
        <source>Automatic: the screen that is not the chair&apos;s</source>
        <translation>Automática: la pantalla que no es la de la presidencia</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name} (no conectada ahora)</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>A roster is written as .xlsx or .csv; {name} is neither.</source>
        <translation>La lista de participantes se guarda como .xlsx o .csv; {name} no es ninguno de los dos.</translation>
    </message>
    <message>
        <source>Needs simultaneous interpretation into English</source>
        <translation>Requiere interpretación simultánea al inglés</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>No se importó nada. {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}; fix these rows and import it again:</source>
        <translation>No se importó nada de {name}; corrija estas filas y vuelva a importarlo:</translation>
    </message>
    <message>
        <source>{name} can be imported: {created} new, {updated} to update, {unchanged} unchanged. Nothing was written (dry run).</source>
        <translation>{name} se puede importar: {created} nuevos, {updated} por actualizar, {unchanged} sin cambios. No se guardó nada (simulación).</translation>
    </message>
    <message>
        <source>Imported {name}: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>Se importó {name}: {created} nuevos, {updated} actualizados, {unchanged} sin cambios.</translation>
    </message>
    <message>
        <source>{name} has headers but no participants.</source>
        <translation>{name} tiene encabezados pero ningún participante.</translation>
    </message>
    <message>
        <source>--column «{header}={field}»: there is no field «{field}». The fields are: {fields}.</source>
        <translation>--column «{header}={field}»: no existe el campo «{field}». Los campos son: {fields}.</translation>
    </message>
    <message>
        <source>Column «{header}» was not recognised and was ignored.</source>
        <translation>La columna «{header}» no se reconoció y se ignoró.</translation>
    </message>
    <message>
        <source>{name} has no column of names: its first row needs headers such as «Given names» or «Nombre» and «Surnames» or «Apellidos» (or say which column holds them with --column &quot;HEADER=given_names&quot;).</source>
        <translation>{name} no tiene ninguna columna de nombres: su primera fila necesita encabezados como «Given names» o «Nombre» y «Surnames» o «Apellidos» (o indique qué columna los contiene con --column &quot;ENCABEZADO=given_names&quot;).</translation>
    </message>
    <message>
        <source>{name} has no column «{header}» (named in --column).</source>
        <translation>{name} no tiene la columna «{header}» (indicada en --column).</translation>
    </message>
    <message>
        <source>Columns {headers} all hold «{field}»: keep one, or have the others ignored with --column &quot;HEADER=ignore&quot;.</source>
        <translation>Las columnas {headers} contienen todas «{field}»: conserve una o haga que se ignoren las demás con --column &quot;ENCABEZADO=ignore&quot;.</translation>
    </message>
    <message>
        <source>Give the surnames either in one column («Surnames») or in two («First surname», «Second surname»), not both.</source>
        <translation>Indique los apellidos en una sola columna («Apellidos») o en dos («Primer apellido», «Segundo apellido»), no de ambas formas.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Fila {row}: {problem}</translation>
    </message>
    <message>
        <source>the cell in column «{column}» cannot be read.</source>
        <translation>no se puede leer la celda de la columna «{column}».</translation>
    </message>
    <message>
        <source>the row has more cells than the header has columns.</source>
        <translation>la fila tiene más celdas que columnas el encabezado.</translation>
    </message>
    <message>
        <source>there is no name.</source>
        <translation>no hay nombre.</translation>
    </message>
    <message>
        <source>unknown category «{value}».</source>
        <translation>categoría desconocida: «{value}».</translation>
    </message>
    <message>
        <source>unknown gender «{value}» (use F, M or X).</source>
        <translation>género desconocido: «{value}» (use F, M o X).</translation>
    </message>
    <message>
        <source>«{value}» in column «{column}» is neither yes nor no.</source>
        <translation>«{value}» en la columna «{column}» no es ni sí ni no.</translation>
    </message>
    <message>
        <source>malformed email «{value}».</source>
        <translation>correo electrónico mal formado: «{value}».</translation>
    </message>
    <message>
        <source>unknown language «{value}».</source>
        <translation>idioma desconocido: «{value}».</translation>
    </message>
    <message>
        <source>the value of “{column}” is longer than {limit} characters.</source>
        <translation>el valor de «{column}» tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>unknown country «{value}».</source>
        <translation>país desconocido: «{value}».</translation>
    </message>
    <message>
        <source>unknown delegation «{value}».</source>
        <translation>delegación desconocida: «{value}».</translation>
    </message>
    <message>
        <source>the country «{country}» and the delegation «{code}» do not match.</source>
        <translation>el país «{country}» y la delegación «{code}» no coinciden.</translation>
    </message>
    <message>
        <source>there is no country, and the event has no group for participants without one ({code}).</source>
        <translation>no se indica el país y el evento no tiene ningún grupo para participantes sin país ({code}).</translation>
    </message>
    <message>
        <source>the same person as row {other}.</source>
        <translation>la misma persona que en la fila {other}.</translation>
    </message>
    <message>
        <source>the same email as row {other} («{email}»).</source>
        <translation>el mismo correo electrónico que en la fila {other} («{email}»).</translation>
    </message>
    <message>
        <source>the same name and delegation as row {other}.</source>
        <translation>el mismo nombre y la misma delegación que en la fila {other}.</translation>
    </message>
    <message>
        <source>{count} participants already have the email «{email}»; it cannot tell which one to update.</source>
        <translation>{count} participantes ya tienen el correo electrónico «{email}»; no se puede saber cuál actualizar.</translation>
    </message>
    <message>
        <source>{count} participants are already called «{name}»; add a country or delegation column to tell them apart.</source>
        <translation>{count} participantes ya se llaman «{name}»; agregue una columna de país o de delegación para distinguirlos.</translation>
    </message>
    <message>
        <source>the email «{email}» belongs to {one}, but the name and delegation are those of {other}.</source>
        <translation>el correo electrónico «{email}» pertenece a {one}, pero el nombre y la delegación son los de {other}.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>No hay ningún archivo en {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a roster file.</source>
        <translation>{path} es una carpeta, no un archivo de lista de participantes.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {reason}</source>
        <translation>No se puede abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>{name} is an old Excel file (.xls). Save it as .xlsx or .csv and import that.</source>
        <translation>{name} es un archivo antiguo de Excel (.xls). Guárdelo como .xlsx o .csv e importe ese archivo.</translation>
    </message>
    <message>
        <source>{name} is not a readable XLSX workbook (it may be damaged). Open it in a spreadsheet program and save it again, or save it as CSV.</source>
        <translation>{name} no es un libro XLSX legible (puede estar dañado). Ábralo en un programa de hojas de cálculo y vuelva a guardarlo, o guárdelo como CSV.</translation>
    </message>
    <message>
        <source>{name} is not a CSV or XLSX file. Save the roster as .xlsx or .csv and import that.</source>
        <translation>{name} no es un archivo CSV ni XLSX. Guarde la lista de participantes como .xlsx o .csv e importe ese archivo.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} está vacío.</translation>
    </message>
    <message>
        <source>{name} is not a text file. Save the roster as .xlsx or .csv and import that.</source>
        <translation>{name} no es un archivo de texto. Guarde la lista de participantes como .xlsx o .csv e importe ese archivo.</translation>
    </message>
    <message>
        <source>{name} cannot be read as CSV: {reason}</source>
        <translation>{name} no se puede leer como CSV: {reason}</translation>
    </message>
    <message>
        <source>{name} has no sheet «{sheet}». Its sheets: {sheets}.</source>
        <translation>{name} no tiene la hoja «{sheet}». Sus hojas son: {sheets}.</translation>
    </message>
    <message>
        <source>the cell in column «{column}» holds a formula ({formula}) whose value was never saved; open the file in a spreadsheet program, save it, and import again.</source>
        <translation>la celda de la columna «{column}» tiene una fórmula ({formula}) cuyo valor nunca se guardó; abra el archivo en un programa de hojas de cálculo, guárdelo e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>the cell in column «{column}» holds a stray line break (a carriage return alone), which would split the row in two; remove it and import again.</source>
        <translation>la celda de la columna «{column}» tiene un salto de línea suelto (un retorno de carro solo), que partiría la fila en dos; quítelo e importe de nuevo.</translation>
    </message>
    <message>
        <source>the cell in column «{column}» runs over more than one line; in a CSV this is usually a quote (&quot;) that is never closed, so the next lines ran into it. Fix the quotes and import again.</source>
        <translation>la celda de la columna «{column}» ocupa más de una línea; en un CSV suele ser una comilla (&quot;) que nunca se cierra, así que las líneas siguientes se metieron en ella. Corrija las comillas e importe de nuevo.</translation>
    </message>
    <message>
        <source>the cell in column «{column}» holds an invisible control character ({code}); delete it and import again.</source>
        <translation>la celda de la columna «{column}» tiene un carácter de control invisible ({code}); bórrelo e importe de nuevo.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Checking {count} rows of {name}…</source>
        <translation>Revisando las {count} filas de {name}…</translation>
    </message>
    <message>
        <source>Writing {count} participants…</source>
        <translation>Guardando {count} participantes…</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
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
        <source>{count} participants written to {path}.</source>
        <translation>{count} participantes guardados en {path}.</translation>
    </message>
    <message>
        <source>The import was cancelled: nobody from {file} was added or changed.</source>
        <translation>Se canceló la importación: no se agregó ni se modificó a nadie de {file}.</translation>
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
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Undo check-in…</source>
        <translation>Anular registro…</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>¿Por qué? (obligatorio)</translation>
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
        <translation>¿Anular el registro de {name} (a las {time}, mesa {desk})? Indique el motivo:</translation>
    </message>
    <message>
        <source>Give a reason to undo a check-in.</source>
        <translation>Indique un motivo para anular un registro.</translation>
    </message>
    <message>
        <source>Print the badge again</source>
        <translation>Imprimir el gafete otra vez</translation>
    </message>
    <message>
        <source>Badge lost: issue a new one…</source>
        <translation>Gafete perdido: emitir uno nuevo…</translation>
    </message>
    <message>
        <source>Print the badge on a printer…</source>
        <translation>Imprimir el gafete en una impresora…</translation>
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
        <translation>Registrado</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>✔ {time} · {desk}</source>
        <translation>✔ {time} · {desk}</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>The event was not saved.</source>
        <translation>El evento no se guardó.</translation>
    </message>
    <message>
        <source>The roster imported nobody.</source>
        <translation>La lista de participantes no importó a nadie.</translation>
    </message>
    <message>
        <source>{count} participants</source>
        <translation>{count} participantes</translation>
    </message>
    <message>
        <source>The badge sheet is not a complete PDF.</source>
        <translation>La hoja de gafetes no es un PDF completo.</translation>
    </message>
    <message>
        <source>{size} KiB</source>
        <translation>{size} KiB</translation>
    </message>
    <message>
        <source>The minutes are not a PDF.</source>
        <translation>El acta no es un PDF.</translation>
    </message>
    <message>
        <source>The desk did not open.</source>
        <translation>La mesa de registro no se abrió.</translation>
    </message>
    <message>
        <source>Open a temporary event</source>
        <translation>Abrir un evento temporal</translation>
    </message>
    <message>
        <source>Import the sample roster</source>
        <translation>Importar la lista de participantes de ejemplo</translation>
    </message>
    <message>
        <source>Make a badge PDF</source>
        <translation>Generar un PDF de gafetes</translation>
    </message>
    <message>
        <source>Check a badge code in</source>
        <translation>Registrar la llegada con un código de gafete</translation>
    </message>
    <message>
        <source>Run a speech on a fake clock</source>
        <translation>Cronometrar una intervención con un reloj simulado</translation>
    </message>
    <message>
        <source>Export the minutes</source>
        <translation>Exportar el acta</translation>
    </message>
    <message>
        <source>Build the main window</source>
        <translation>Construir la ventana principal</translation>
    </message>
    <message>
        <source>SKIPPED  {step}</source>
        <translation>OMITIDO  {step}</translation>
    </message>
    <message>
        <source>FAILED   {step}: {error}</source>
        <translation>FALLÓ    {step}: {error}</translation>
    </message>
    <message>
        <source>ok       {step} ({detail})</source>
        <translation>ok       {step} ({detail})</translation>
    </message>
    <message>
        <source>Self-test failed.</source>
        <translation>La autoprueba falló.</translation>
    </message>
    <message>
        <source>Self-test passed: every step worked.</source>
        <translation>Autoprueba superada: todos los pasos funcionaron.</translation>
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
    <message>
        <source>This desk</source>
        <translation>Esta mesa</translation>
    </message>
    <message>
        <source>That is not a badge of this event.</source>
        <translation>Eso no es un gafete de este evento.</translation>
    </message>
</context>
<context>
    <name>SittingChoice</name>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
</context>
<context>
    <name>SittingLifeBar</name>
    <message>
        <source>Open the session</source>
        <translation>Abrir la sesión</translation>
    </message>
    <message>
        <source>Recess</source>
        <translation>Receso</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Adjourn</source>
        <translation>Levantar la sesión</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Adjourn session {n}? The closing time is recorded now and the session cannot be reopened.</source>
        <translation>¿Levantar la sesión {n}? Se registra ahora la hora de clausura y la sesión no podrá reabrirse.</translation>
    </message>
    <message>
        <source>Record the opening time and the quorum</source>
        <translation>Registrar la hora de apertura y el quórum</translation>
    </message>
    <message>
        <source>Suspend the session</source>
        <translation>Suspender la sesión (receso)</translation>
    </message>
    <message>
        <source>End the recess</source>
        <translation>Terminar el receso</translation>
    </message>
    <message>
        <source>Adjourn the session: records the closing time</source>
        <translation>Levantar la sesión: registra la hora de clausura</translation>
    </message>
</context>
<context>
    <name>Sittings</name>
    <message>
        <source>This session cannot be deleted: it already has a record (speeches, attendance or agreements). Change its details instead.</source>
        <translation>No se puede eliminar esta sesión: ya tiene registros (intervenciones, asistencia o acuerdos). Modifique sus datos en su lugar.</translation>
    </message>
    <message>
        <source>This session no longer exists; the list was refreshed.</source>
        <translation>Esta sesión ya no existe; se actualizó la lista.</translation>
    </message>
    <message>
        <source>A session needs a title in Spanish and in English.</source>
        <translation>Una sesión necesita un título en español y en inglés.</translation>
    </message>
    <message>
        <source>The session number is a whole number from 1.</source>
        <translation>El número de sesión es un número entero a partir de 1.</translation>
    </message>
    <message>
        <source>There is already a session number {n}.</source>
        <translation>Ya existe una sesión número {n}.</translation>
    </message>
    <message>
        <source>The date of a session is a calendar date.</source>
        <translation>La fecha de una sesión debe ser una fecha del calendario.</translation>
    </message>
    <message>
        <source>Times are hours and minutes, such as 09:30.</source>
        <translation>Las horas se indican en horas y minutos, como 09:30.</translation>
    </message>
    <message>
        <source>The chosen chair is not a participant of the event.</source>
        <translation>La persona elegida para presidir no es participante del evento.</translation>
    </message>
    <message>
        <source>Times in seconds are whole numbers from 1.</source>
        <translation>Los tiempos en segundos son números enteros a partir de 1.</translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation>Una sesión debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>The warning must come before the speaking time runs out.</source>
        <translation>El aviso debe darse antes de que se agote el tiempo de intervención.</translation>
    </message>
    <message>
        <source>This agenda item cannot be deleted: speeches or agreements refer to it. Change its title instead.</source>
        <translation>No se puede eliminar este punto del orden del día: hay intervenciones o acuerdos que hacen referencia a él. Modifique su título en su lugar.</translation>
    </message>
    <message>
        <source>This agenda item no longer exists; the list was refreshed.</source>
        <translation>Este punto del orden del día ya no existe; se actualizó la lista.</translation>
    </message>
    <message>
        <source>An agenda item needs a title in Spanish and in English.</source>
        <translation>Un punto del orden del día necesita un título en español y en inglés.</translation>
    </message>
    <message>
        <source>The item number is a whole number from 1.</source>
        <translation>El número de punto es un número entero a partir de 1.</translation>
    </message>
    <message>
        <source>This session already has an agenda item number {n}.</source>
        <translation>Esta sesión ya tiene un punto número {n} en el orden del día.</translation>
    </message>
    <message>
        <source>Unknown field: {names}.</source>
        <translation>Campo desconocido: {names}.</translation>
    </message>
    <message>
        <source>There is no session {n}.</source>
        <translation>No existe la sesión {n}.</translation>
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
    <name>Speakers</name>
    <message>
        <source>This session no longer exists.</source>
        <translation>Esta sesión ya no existe.</translation>
    </message>
    <message>
        <source>This agenda item is not part of the session.</source>
        <translation>Este punto del orden del día no forma parte de la sesión.</translation>
    </message>
    <message>
        <source>No delegation</source>
        <translation>Sin delegación</translation>
    </message>
    <message>
        <source>A moment without a time zone cannot be recorded.</source>
        <translation>No se puede registrar un momento sin zona horaria.</translation>
    </message>
    <message>
        <source>{kind} is not a kind of intervention.</source>
        <translation>{kind} no es un tipo de intervención.</translation>
    </message>
    <message>
        <source>Give a number of seconds.</source>
        <translation>Indique un número de segundos.</translation>
    </message>
    <message>
        <source>A speaking time must be a whole number of seconds from 0 to {most}.</source>
        <translation>El tiempo de intervención debe ser un número entero de segundos entre 0 y {most}.</translation>
    </message>
    <message>
        <source>This speech is no longer on the list; the list was refreshed.</source>
        <translation>Esta intervención ya no está en la lista; se actualizó la lista.</translation>
    </message>
    <message>
        <source>Only a speaker who is still waiting can be changed this way.</source>
        <translation>Solo se puede modificar de esta forma a un orador que todavía esté en espera.</translation>
    </message>
    <message>
        <source>This file holds no event yet.</source>
        <translation>Este archivo aún no contiene ningún evento.</translation>
    </message>
    <message>
        <source>This badge belongs to another event.</source>
        <translation>Este gafete pertenece a otro evento.</translation>
    </message>
    <message>
        <source>This badge code cannot be read: it is damaged or not a badge.</source>
        <translation>No se puede leer el código de este gafete: está dañado o no es un gafete.</translation>
    </message>
    <message>
        <source>The participant of this badge is no longer registered.</source>
        <translation>El participante de este gafete ya no está registrado.</translation>
    </message>
    <message>
        <source>This badge was replaced; ask {name} for the new one.</source>
        <translation>Este gafete fue reemplazado; pida a {name} el nuevo.</translation>
    </message>
    <message>
        <source>This participant is no longer registered.</source>
        <translation>Este participante ya no está registrado.</translation>
    </message>
    <message>
        <source>The list of speakers is closed: it takes no new statements. Reopen it to add {name}.</source>
        <translation>La lista de oradores está cerrada: no admite nuevas intervenciones. Reábrala para añadir a {name}.</translation>
    </message>
    <message>
        <source>{name} is already waiting to speak on this list.</source>
        <translation>{name} ya está en espera para hacer uso de la palabra en esta lista.</translation>
    </message>
    <message>
        <source>Only a right of reply or a question answers another speech.</source>
        <translation>Solo un derecho de réplica o una pregunta responde a otra intervención.</translation>
    </message>
    <message>
        <source>The speech to answer is not on this list.</source>
        <translation>La intervención a la que se responde no está en esta lista.</translation>
    </message>
    <message>
        <source>A question is put to a speaker: nobody has spoken on this list yet.</source>
        <translation>Una pregunta se dirige a un orador: nadie ha hecho uso de la palabra en esta lista todavía.</translation>
    </message>
    <message>
        <source>A right of reply answers a speech: nobody has spoken on this list yet.</source>
        <translation>Un derecho de réplica responde a una intervención: nadie ha hecho uso de la palabra en esta lista todavía.</translation>
    </message>
    <message>
        <source>Nobody has left this list yet: there is no one to put back.</source>
        <translation>Nadie ha salido de esta lista todavía: no hay a quién volver a poner en ella.</translation>
    </message>
    <message>
        <source>This delegation no longer exists.</source>
        <translation>Esta delegación ya no existe.</translation>
    </message>
    <message>
        <source>This speech is over; its time can no longer change.</source>
        <translation>Esta intervención ha concluido; su tiempo ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Give a number of seconds to add or remove.</source>
        <translation>Indique un número de segundos que añadir o quitar.</translation>
    </message>
    <message>
        <source>This speaker has no time limit (stopwatch): set a speaking time first.</source>
        <translation>Este orador no tiene límite de tiempo (cronómetro): fije primero un tiempo de intervención.</translation>
    </message>
    <message>
        <source>Nobody has the floor.</source>
        <translation>Nadie tiene la palabra.</translation>
    </message>
    <message>
        <source>{code} is not a language code such as es, en or fr.</source>
        <translation>{code} no es un código de idioma como es, en o fr.</translation>
    </message>
    <message>
        <source>Nobody is waiting to speak on this list.</source>
        <translation>Nadie está en espera para hacer uso de la palabra en esta lista.</translation>
    </message>
    <message>
        <source>The clock is already paused.</source>
        <translation>El reloj ya está en pausa.</translation>
    </message>
    <message>
        <source>The clock is already running.</source>
        <translation>El reloj ya está en marcha.</translation>
    </message>
    <message>
        <source>{name} already has a request waiting on this list: {kind}.</source>
        <translation>{name} ya tiene una solicitud en espera en esta lista: {kind}.</translation>
    </message>
    <message>
        <source>Only a withdrawn request can be put back.</source>
        <translation>Solo se puede devolver a la lista una solicitud retirada.</translation>
    </message>
    <message>
        <source>Only participants marked present at this session may speak, and {name} is not marked present. Mark them present first.</source>
        <translation>Solo pueden hacer uso de la palabra los participantes registrados como presentes en esta sesión, y {name} no está registrado como presente. Regístrelo como presente primero.</translation>
    </message>
    <message>
        <source>The accreditation of {name} was withdrawn.</source>
        <translation>La acreditación de {name} fue retirada.</translation>
    </message>
    <message>
        <source>{reason} is not a reason for a point of order: give procedure, quorum, interpretation, time or other.</source>
        <translation>{reason} no es un motivo de moción de orden: indique procedimiento, quórum, interpretación, tiempo u otro.</translation>
    </message>
    <message>
        <source>Only a point of order has a reason.</source>
        <translation>Solo una moción de orden lleva motivo.</translation>
    </message>
    <message>
        <source>The reason of a point of order takes at most {most} characters; this one has {count}.</source>
        <translation>El motivo de una moción de orden admite como máximo {most} caracteres; este tiene {count}.</translation>
    </message>
    <message>
        <source>Choose the reason of the point of order before its words.</source>
        <translation>Elija el motivo de la moción de orden antes de escribir su descripción.</translation>
    </message>
    <message>
        <source>A point of order for another reason needs a few words saying which.</source>
        <translation>Una moción de orden por otro motivo necesita unas palabras que digan cuál.</translation>
    </message>
    <message>
        <source>{kind} ({reason})</source>
        <translation>{kind} ({reason})</translation>
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
        <translation>Moción de orden</translation>
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
    <name>StatementDialog</name>
    <message>
        <source>Reservation or interpretive statement</source>
        <translation>Reserva o declaración interpretativa</translation>
    </message>
    <message>
        <source>The declaration as a whole</source>
        <translation>La declaración en su conjunto</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Text (Spanish)</source>
        <translation>Texto (español)</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Texto (inglés)</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Today by person</source>
        <translation>Hoy por persona</translation>
    </message>
    <message>
        <source>Today by delegation</source>
        <translation>Hoy por delegación</translation>
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
        <source>Roster template written to {path}.</source>
        <translation>Plantilla de lista de participantes guardada en {path}.</translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>▶ Discuss this paragraph</source>
        <translation>▶ Discutir este párrafo</translation>
    </message>
    <message>
        <source>Show it in the room (Ctrl+Return)</source>
        <translation>Mostrarlo en la sala (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Discuss the previous paragraph (Alt+Up, Page Up on the room screen)</source>
        <translation>Discutir el párrafo anterior (Alt+Arriba; Re Pág en la pantalla de la sala)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Discuss the next paragraph (Alt+Down, Page Down on the room screen)</source>
        <translation>Discutir el párrafo siguiente (Alt+Abajo; Av Pág en la pantalla de la sala)</translation>
    </message>
    <message>
        <source>Edit wording…</source>
        <translation>Editar redacción…</translation>
    </message>
    <message>
        <source>Add paragraph…</source>
        <translation>Agregar párrafo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
</context>
<context>
    <name>TextsModel</name>
    <message>
        <source>Text of</source>
        <translation>Texto de</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>— translation missing —</source>
        <translation>— falta la traducción —</translation>
    </message>
</context>
<context>
    <name>TimesDialog</name>
    <message>
        <source>Speaking times</source>
        <translation>Tiempos de uso de la palabra</translation>
    </message>
    <message>
        <source>Default time of each kind (00:00 = no limit)</source>
        <translation>Tiempo por defecto de cada tipo (00:00 = sin límite)</translation>
    </message>
    <message>
        <source>The session&apos;s default ({time})</source>
        <translation>El de la sesión ({time})</translation>
    </message>
    <message>
        <source>Delegation budgets on this item (00:00 = none)</source>
        <translation>Tiempo de cada delegación en este punto (00:00 = sin tope)</translation>
    </message>
    <message>
        <source>Give every delegation</source>
        <translation>Dar a cada delegación</translation>
    </message>
    <message>
        <source>The same budget for every delegation; change any of them afterwards</source>
        <translation>El mismo tiempo para cada delegación; después puede cambiar cualquiera</translation>
    </message>
    <message>
        <source>Default budget</source>
        <translation>Tiempo por defecto</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>Intervention</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Initiative (title)</source>
        <translation>Iniciativa (título)</translation>
    </message>
    <message>
        <source>Initiative (description)</source>
        <translation>Iniciativa (descripción)</translation>
    </message>
    <message>
        <source>{value} is not a language (for example es, en or fr).</source>
        <translation>{value} no es un idioma (por ejemplo es, en o fr).</translation>
    </message>
    <message>
        <source>There is no kind of text {kind}.</source>
        <translation>No hay un tipo de texto {kind}.</translation>
    </message>
    <message>
        <source>That text is no longer in the record.</source>
        <translation>Ese texto ya no está en el registro.</translation>
    </message>
    <message>
        <source>Write the text in its original language too.</source>
        <translation>Escriba también el texto en su idioma original.</translation>
    </message>
    <message>
        <source>This text cannot be left empty.</source>
        <translation>Este texto no puede quedar vacío.</translation>
    </message>
    <message>
        <source>The text is too long ({limit} characters at most).</source>
        <translation>El texto es demasiado largo ({limit} caracteres como máximo).</translation>
    </message>
</context>
<context>
    <name>TranslationsPage</name>
    <message>
        <source>Only texts awaiting a translation</source>
        <translation>Solo los textos que esperan traducción</translation>
    </message>
    <message>
        <source>The text in both languages</source>
        <translation>El texto en ambos idiomas</translation>
    </message>
    <message>
        <source>Original &amp;language</source>
        <translation>&amp;Idioma original</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save and &amp;next awaiting</source>
        <translation>Guardar e ir al &amp;siguiente pendiente</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Intro</translation>
    </message>
    <message>
        <source>1 of {total} texts awaits a translation.</source>
        <translation>1 de {total} textos espera traducción.</translation>
    </message>
    <message>
        <source>{awaiting} of {total} texts await a translation.</source>
        <translation>{awaiting} de {total} textos esperan traducción.</translation>
    </message>
    <message>
        <source>Original ({language})</source>
        <translation>Original ({language})</translation>
    </message>
    <message>
        <source>{language} — original</source>
        <translation>{language}: original</translation>
    </message>
    <message>
        <source>{language} — translation</source>
        <translation>{language}: traducción</translation>
    </message>
    <message>
        <source>{language} — translation missing</source>
        <translation>{language}: falta la traducción</translation>
    </message>
    <message>
        <source>Write the text in {language} here.</source>
        <translation>Escriba aquí el texto en {language}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>VerdictLegend</name>
    <message>
        <source>green</source>
        <translation>verde</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>azul</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>ámbar</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rojo</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>morado</translation>
    </message>
    <message>
        <source>black</source>
        <translation>negro</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>gris</translation>
    </message>
    <message>
        <source>brown</source>
        <translation>café</translation>
    </message>
    <message>
        <source>light grey</source>
        <translation>gris claro</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>let the person in</source>
        <translation>deje pasar a la persona</translation>
    </message>
    <message>
        <source>let them in and read the note aloud</source>
        <translation>déjela pasar y lea la nota en voz alta</translation>
    </message>
    <message>
        <source>they were admitted before (the time and desk are shown): let them in if it is the same person</source>
        <translation>ya fue admitida antes (se muestran la hora y la mesa): déjela pasar si es la misma persona</translation>
    </message>
    <message>
        <source>stop: an old badge, only the new one admits; keep this one</source>
        <translation>alto: un gafete viejo, solo el nuevo da acceso; quédese con este</translation>
    </message>
    <message>
        <source>stop: a badge of another event</source>
        <translation>alto: un gafete de otro evento</translation>
    </message>
    <message>
        <source>stop: check the person&apos;s identity and search by name</source>
        <translation>alto: verifique la identidad de la persona y búsquela por nombre</translation>
    </message>
    <message>
        <source>stop: search by name</source>
        <translation>alto: busque por nombre</translation>
    </message>
    <message>
        <source>stop: the accreditation was withdrawn; call the organisers</source>
        <translation>alto: la acreditación fue retirada; llame a la organización</translation>
    </message>
    <message>
        <source>not a badge (a name, a web address): Enter searches for it</source>
        <translation>no es un gafete (un nombre, una dirección web): Enter lo busca</translation>
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
        <translation>ADMITIDO</translation>
    </message>
    <message>
        <source>ADMITTED — ATTENTION</source>
        <translation>ADMITIDO — ATENCIÓN</translation>
    </message>
    <message>
        <source>ALREADY CHECKED IN</source>
        <translation>YA REGISTRADO</translation>
    </message>
    <message>
        <source>BADGE REPLACED</source>
        <translation>GAFETE REEMPLAZADO</translation>
    </message>
    <message>
        <source>WRONG EVENT</source>
        <translation>OTRO EVENTO</translation>
    </message>
    <message>
        <source>FORGED OR DAMAGED</source>
        <translation>FALSO O DAÑADO</translation>
    </message>
    <message>
        <source>UNKNOWN BADGE</source>
        <translation>GAFETE DESCONOCIDO</translation>
    </message>
    <message>
        <source>No more sessions are scheduled.</source>
        <translation>No hay más sesiones programadas.</translation>
    </message>
    <message>
        <source>badge scan</source>
        <translation>lectura de gafete</translation>
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
        <translation>registro en mesa</translation>
    </message>
    <message>
        <source>{time} · {desk} · {source}</source>
        <translation>{time} · {desk} · {source}</translation>
    </message>
    <message>
        <source>Keep this one; only the new badge admits.</source>
        <translation>Retenga este; solo el nuevo da acceso.</translation>
    </message>
    <message>
        <source>Check the person&apos;s identity and search by name.</source>
        <translation>Verifique la identidad de la persona y búsquela por nombre.</translation>
    </message>
    <message>
        <source>Search by name.</source>
        <translation>Busque por nombre.</translation>
    </message>
    <message>
        <source>NOT A BADGE</source>
        <translation>NO ES UN GAFETE</translation>
    </message>
    <message>
        <source>Search for this name? Press Enter.</source>
        <translation>¿Buscar este nombre? Presione Enter.</translation>
    </message>
    <message>
        <source>read twice</source>
        <translation>leído dos veces</translation>
    </message>
    <message>
        <source>ACCREDITATION WITHDRAWN</source>
        <translation>ACREDITACIÓN RETIRADA</translation>
    </message>
    <message>
        <source>Do not let them in; call the organisers.</source>
        <translation>No le deje pasar; llame a la organización.</translation>
    </message>
</context>
<context>
    <name>Votes</name>
    <message>
        <source>Only member delegations vote.</source>
        <translation>Solo votan las delegaciones de los países miembros.</translation>
    </message>
    <message>
        <source>A delegation votes in favour, against, abstains or is absent, not {vote!r}.</source>
        <translation>Una delegación vota a favor, en contra, se abstiene o está ausente, no {vote!r}.</translation>
    </message>
    <message>
        <source>Say how every member delegation voted; missing: {names}.</source>
        <translation>Indique cómo votó cada delegación miembro; faltan: {names}.</translation>
    </message>
    <message>
        <source>{count} in favour</source>
        <translation>{count} a favor</translation>
    </message>
    <message>
        <source>{count} against</source>
        <translation>{count} en contra</translation>
    </message>
    <message>
        <source>{count} abstention</source>
        <translation>{count} abstención</translation>
    </message>
    <message>
        <source>{count} abstentions</source>
        <translation>{count} abstenciones</translation>
    </message>
    <message>
        <source>{count} delegation absent</source>
        <translation>{count} delegación ausente</translation>
    </message>
    <message>
        <source>{count} delegations absent</source>
        <translation>{count} delegaciones ausentes</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>New participant (walk-in)</source>
        <translation>Nuevo participante (registro en mesa)</translation>
    </message>
    <message>
        <source>The person is checked in and the badge opens for printing as soon as you register them.</source>
        <translation>La persona queda registrada y su gafete se abre para imprimir en cuanto la inscribe.</translation>
    </message>
    <message>
        <source>Register, check in and print badge</source>
        <translation>Inscribir, registrar e imprimir gafete</translation>
    </message>
    <message>
        <source>(choose a category)</source>
        <translation>(elija una categoría)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Encounter Desk</source>
        <translation>Le damos la bienvenida a Encounter Desk</translation>
    </message>
    <message>
        <source>There is no event on this laptop yet. Try the app on the demo encounter, create your event, or open an event file you were given.</source>
        <translation>Aún no hay ningún evento en esta computadora. Pruebe la aplicación con el encuentro de demostración, cree su evento o abra un archivo de evento que le hayan entregado.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Abrir la demostración</translation>
    </message>
    <message>
        <source>Create an event…</source>
        <translation>Crear un evento…</translation>
    </message>
    <message>
        <source>Names, dates and venue; the 11 member delegations of the RCM are added for you.</source>
        <translation>Nombres, fechas y sede; las 11 delegaciones miembro de la CRM se agregan automáticamente.</translation>
    </message>
    <message>
        <source>Open an event file…</source>
        <translation>Abrir un archivo de evento…</translation>
    </message>
    <message>
        <source>An event file (.sqlite) made on another laptop or restored from a backup.</source>
        <translation>Un archivo de evento (.sqlite) creado en otra computadora o restaurado desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>A complete encounter to practise on: 11 delegations, about 120 participants, five sessions. It lives in its own file; your events are not touched.</source>
        <translation>Un encuentro completo para practicar: 11 delegaciones, unos 120 participantes, cinco sesiones. Se guarda en su propio archivo; sus eventos no se modifican.</translation>
    </message>
</context>
<context>
    <name>WordingDialog</name>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
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
</TS>
