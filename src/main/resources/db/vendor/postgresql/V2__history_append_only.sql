-- The account history and the email log are records: rows are added, never changed or removed,
-- whoever holds a connection.
CREATE FUNCTION refuse_record_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER account_history_append_only
  BEFORE UPDATE OR DELETE ON account_history
  FOR EACH ROW EXECUTE FUNCTION refuse_record_change();

CREATE TRIGGER notification_append_only
  BEFORE UPDATE OR DELETE ON notification
  FOR EACH ROW EXECUTE FUNCTION refuse_record_change();
