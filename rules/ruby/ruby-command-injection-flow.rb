class ThumbsController < ApplicationController
  def create
    name = params[:name]
    cmd = "convert #{name} -resize 64x64 out.png"
    # ruleid: ruby-command-injection-flow
    system(cmd)
    # ruleid: ruby-command-injection-flow
    out = `gzip #{params[:file]}`
    # ok: ruby-command-injection-flow
    system("convert", name, "-resize", "64x64", "out.png")
    # ok: ruby-command-injection-flow
    system("convert #{Shellwords.escape(name)} out.png")
    size = params[:size].to_i
    # ok: ruby-command-injection-flow
    system("seq #{size}")
    # ok: ruby-command-injection-flow
    system("uptime")
    render plain: out
  end
end

class PingController < ApplicationController
  def show
    # ruleid: ruby-command-injection-flow
    system "ping -c 1 " + params[:host]
    # ok: ruby-command-injection-flow
    system "ping", "-c", "1", params[:host]
  end
end
