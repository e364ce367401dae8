class SearchController < ApplicationController
  def index
    term = params[:q]
    # ruleid: ruby-regex-injection-flow
    re = Regexp.new(term)
    # ruleid: ruby-regex-injection-flow
    hits = Post.all.select { |p| p.title =~ /#{params[:q]}/i }
    # ok: ruby-regex-injection-flow
    safe = Regexp.new(Regexp.escape(term), Regexp::IGNORECASE)
    # ok: ruby-regex-injection-flow
    fixed = /\A[a-z]+\z/
    render json: [re, hits, safe, fixed]
  end
end

task :grep_locales do
  key = ENV["KEY"]
  # ok: ruby-regex-injection-flow
  puts File.readlines("config/locales/en.yml").grep(/#{key}/)
end
