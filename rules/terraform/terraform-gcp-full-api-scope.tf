resource "google_compute_instance" "app" {
  service_account {
    email  = data.google_compute_default_service_account.default.email
    # ruleid: terraform-gcp-full-api-scope
    scopes = ["cloud-platform"]
  }
}
resource "google_compute_instance" "web" {
  service_account {
    email  = google_service_account.web.email
    # ok: terraform-gcp-full-api-scope
    scopes = ["logging-write", "monitoring-write"]
  }
}
