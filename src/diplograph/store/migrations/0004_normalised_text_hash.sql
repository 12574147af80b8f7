-- 0004_normalised_text_hash: a document is the same when its text is, not its
-- bytes. content_hash now hashes the text normalised as writer.normalised_text
-- does (Unicode NFC, CRLF and CR line ends as LF, no spaces or tabs at the end
-- of a line, no blank start or end), so the same article saved with other line
-- ends or one more newline is not stored again; raw_hash keeps the hash of the
-- text exactly as ingested. Documents already stored twice keep both rows: the
-- oldest takes the new hash, the others keep their old one.
ALTER TABLE documents ADD COLUMN raw_hash VARCHAR;
UPDATE documents SET raw_hash = content_hash;
UPDATE documents SET content_hash = renamed.hash
FROM (
    SELECT id, hash, row_number() OVER (PARTITION BY hash ORDER BY ingested_at, id) AS nth
    FROM (
        SELECT id, ingested_at,
               sha256(trim(regexp_replace(regexp_replace(nfc_normalize(text), '\r\n?', chr(10), 'g'),
                                          '[ \t]+\n', chr(10), 'g'),
                           ' ' || chr(9) || chr(10))) AS hash
        FROM documents
    )
) AS renamed
WHERE documents.id = renamed.id AND renamed.nth = 1;
