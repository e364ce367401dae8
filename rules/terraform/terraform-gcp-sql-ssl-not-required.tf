resource "google_sql_database_instance" "main" {
  settings {
    ip_configuration {
      # ruleid: terraform-gcp-sql-ssl-not-required
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
      # ok: terraform-gcp-sql-ssl-not-required
      ipv4_enabled = false
    }
  }
}
resource "google_sql_database_instance" "replica" {
  settings {
    ip_configuration {
      # ok: terraform-gcp-sql-ssl-not-required
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
