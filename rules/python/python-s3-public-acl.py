import boto3

s3 = boto3.client("s3")
# ruleid: python-s3-public-acl
s3.put_object(Bucket="reports", Key=key, Body=data, ACL="public-read")
# ok: python-s3-public-acl
s3.put_object(Bucket="reports", Key=key, Body=data, ACL="private")
# ruleid: python-s3-public-acl
s3.upload_file(path, "reports", key, ExtraArgs={"ACL": "public-read"})
# ok: python-s3-public-acl
url = s3.generate_presigned_url("get_object", Params={"Bucket": "reports", "Key": key}, ExpiresIn=300)
