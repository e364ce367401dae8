class PagesController < ApplicationController
  VIEWS = %w[grid list].freeze

  def show
    # ruleid: ruby-dynamic-render-flow
    render params[:page]
  end

  def partial
    # ruleid: ruby-dynamic-render-flow
    render partial: "widgets/#{params[:widget]}"
  end

  def listing
    view = params[:view]
    return head(:bad_request) unless VIEWS.include?(view)
    # ok: ruby-dynamic-render-flow
    render view
  end

  def data
    # ok: ruby-dynamic-render-flow
    render json: { page: params[:page] }
    # ok: ruby-dynamic-render-flow
    render :index, locals: { q: params[:q] }
  end
end

class ProfilesController < ApplicationController
  def security_events
    events = current_user.security_events.page(params[:page])
    # ok: ruby-dynamic-render-flow
    render Profiles::SecurityEventsView.new(security_events: events)
  end
end

class OrdersController < ApplicationController
  def search
    users = User.where("email LIKE ?", "%#{params[:q]}%")
    # ok: ruby-dynamic-render-flow
    render component("orders/result").with_collection(users), layout: false
  end
end
