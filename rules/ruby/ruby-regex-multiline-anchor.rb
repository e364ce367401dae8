class LinksController < ApplicationController
  def go
    # ruleid: ruby-regex-multiline-anchor
    if params[:url] =~ /^https?:\/\/[\w.]+/
      redirect_to params[:url], allow_other_host: true
    end
    # ok: ruby-regex-multiline-anchor
    if params[:url] =~ /\Ahttps?:\/\/[\w.]+\z/
      head :ok
    end
  end
end

class Link < ApplicationRecord
  # ruleid: ruby-regex-multiline-anchor
  validates :url, format: { with: /^https?:\/\/.+$/, multiline: true }
  # ok: ruby-regex-multiline-anchor
  validates :slug, format: { with: /\A[a-z0-9-]+\z/ }
end
