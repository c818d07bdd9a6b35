-- Version 6: the group commit writes a group of live uploads with one statement, committed on its
-- own (PostgresGroupWrite). The statement ends by calling this function with what it moved and
-- inserted against what was planned; when they differ the function raises YB001, the statement
-- fails and nothing of it is kept (the host then applies each upload of the group alone).
CREATE FUNCTION group_as_planned(moved BIGINT, heads BIGINT, inserted BIGINT, records BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
BEGIN
    IF moved <> heads OR inserted <> records THEN
        RAISE EXCEPTION USING ERRCODE = 'YB001',
            MESSAGE = format('group not as planned: %s of %s heads moved, %s of %s records inserted',
                             moved, heads, inserted, records);
    END IF;
    RETURN TRUE;
END
$$;
