# ruleid: url-basic-auth
git clone https://deploy:Qz81mWk2Lp0v@git.internal.example.com/team/app.git
# ok: url-basic-auth
git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.example.com/team/app.git
# ok: url-basic-auth
curl https://user:password@example.com/
