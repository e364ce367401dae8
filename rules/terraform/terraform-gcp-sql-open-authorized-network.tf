resource "google_sql_database_instance" "main" {
  settings {
    ip_configuration {
      authorized_networks {
        name  = "all"
        # ruleid: terraform-gcp-sql-open-authorized-network
        value = "0.0.0.0/0"
      }
      authorized_networks {
        name  = "office"
        # ok: terraform-gcp-sql-open-authorized-network
        value = "203.0.113.0/24"
      }
    }
  }
}
