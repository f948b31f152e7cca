-- The answers given to clients' request ids (db/migrations/0022_client_requests.sql on SQLite).
CREATE TABLE "client_requests" (
  "organisation_id" bigint NOT NULL,
  "request_id" text NOT NULL,
  "kind" text NOT NULL,
  "answer" text NOT NULL,
  "at" bigint NOT NULL,
  PRIMARY KEY ("organisation_id", "request_id")
);

ALTER TABLE "client_requests" ADD CONSTRAINT "client_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id");
