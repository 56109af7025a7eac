"""The declaration of the encounter: drafted, amended paragraph by paragraph, adopted, printed.

One job per module, plain Python (no Qt), every change one short transaction:

* :mod:`.base` — the refusal type, the labels, how a paragraph is named (PP3, OP2);
* :mod:`.state` — everything about the declaration read at once, as plain rows;
* :mod:`.draft` — the draft: typed or imported, edited until the first decision;
* :mod:`.amendments` — proposals by delegations and the chair's decisions;
* :mod:`.consolidate` and :mod:`.changes` — the text as amended, and its word-by-word marks;
* :mod:`.discussion` — the paragraph under discussion, and the speeches on it;
* :mod:`.adoption` — consensus or vote, reservations and interpretive statements;
* :mod:`.document` — what every output prints, in one language;
* :mod:`.docx_import`, :mod:`.docx_export`, :mod:`.pdf`, :mod:`.amendments_pdf`,
  :mod:`.akn` — Word in and out, the PDFs, Akoma Ntoso.
"""
