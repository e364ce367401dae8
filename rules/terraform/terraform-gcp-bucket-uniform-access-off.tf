resource "google_storage_bucket" "uploads" {
  # ruleid: terraform-gcp-bucket-uniform-access-off
  uniform_bucket_level_access = false
}
resource "google_storage_bucket" "assets" {
  # ok: terraform-gcp-bucket-uniform-access-off
  uniform_bucket_level_access = true
}
