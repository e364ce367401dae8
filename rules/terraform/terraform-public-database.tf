# ruleid: terraform-public-database
  publicly_accessible = true
# ok: terraform-public-database
  publicly_accessible = false
# ruleid: terraform-public-database
# fixed: resource "aws_db_instance" "fixme" { publicly_accessible = false }
resource "aws_db_instance" "fixme" { publicly_accessible = true }
