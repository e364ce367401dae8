# ruleid: gitlab-pat
GITLAB_TOKEN = "glpat-Xq3vT9sLmW2pR8kZ4nYb"
# ok: gitlab-pat
GITLAB_TOKEN = os.environ["GITLAB_TOKEN"]
# ok: gitlab-pat
prefix = "glpat-"
