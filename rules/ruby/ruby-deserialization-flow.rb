class StateController < ApplicationController
  def restore
    blob = Base64.decode64(cookies[:state])
    # ruleid: ruby-deserialization-flow
    state = Marshal.load(blob)
    # ok: ruby-deserialization-flow
    data = JSON.parse(blob)
    # ok: ruby-deserialization-flow
    defaults = Marshal.load(File.binread(DEFAULTS))
    render json: [state, data, defaults]
  end
end
