# ruleid: terraform-public-database
  publicly_accessible = true
# ok: terraform-public-database
  publicly_accessible = false
