# A change that adds an unrelated line of the method: the old flow is not reported.
# fixture-added-lines: 5
class ExportsController < ApplicationController
  def create
    Rails.logger.info("export requested")
    dir = params[:dir]
    # ok: ruby-command-injection-flow
    system("tar czf /tmp/out.tgz " + dir)
  end
end
