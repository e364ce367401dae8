resource "google_container_cluster" "main" {
  # ruleid: terraform-gcp-gke-legacy-abac
  enable_legacy_abac = true
}
resource "google_container_cluster" "apps" {
  # ok: terraform-gcp-gke-legacy-abac
  enable_legacy_abac = false
}
