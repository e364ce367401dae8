# A change that adds only the sink: the unchanged source above is still reported.
# fixture-added-lines: 6-7
class ExportsController < ApplicationController
  def create
    dir = params[:dir]
    # ruleid: ruby-command-injection-flow
    system("tar czf /tmp/out.tgz " + dir)
  end
end
