resource "google_container_cluster" "main" {
  # ruleid: terraform-gcp-gke-logging-disabled
  logging_service    = "none"
  # ok: terraform-gcp-gke-logging-disabled
  monitoring_service = "monitoring.googleapis.com/kubernetes"
}
