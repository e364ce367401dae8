class MirrorsController < ApplicationController
  def create
    repo = params[:repo]
    # ruleid: ruby-argument-injection
    system("git", "clone", repo, "/srv/mirror")
    # ok: ruby-argument-injection
    system("git", "clone", "--", repo, "/srv/mirror")
    # ok: ruby-argument-injection
    system("git", "fetch", "origin")
    # ok: ruby-argument-injection
    system("ls", "-l", repo)
  end
end
