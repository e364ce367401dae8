resource "google_project_iam_member" "ci" {
  # ruleid: terraform-gcp-primitive-role
  role   = "roles/editor"
  member = "serviceAccount:ci@acme.iam.gserviceaccount.com"
}
resource "google_project_iam_member" "viewer" {
  # ok: terraform-gcp-primitive-role
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:web@acme.iam.gserviceaccount.com"
}
