resource "google_container_cluster" "main" {
  master_auth {
    client_certificate_config {
      # ruleid: terraform-gcp-gke-client-certificate
      issue_client_certificate = true
    }
  }
}
resource "google_container_cluster" "apps" {
  master_auth {
    client_certificate_config {
      # ok: terraform-gcp-gke-client-certificate
      issue_client_certificate = false
    }
  }
}
