# ruleid: shell-eval-variable
eval "$1"
# ruleid: shell-eval-variable
eval $CMD
# ok: shell-eval-variable
eval "$(ssh-agent -s)"
# ok: shell-eval-variable
eval "$(direnv hook bash)"
