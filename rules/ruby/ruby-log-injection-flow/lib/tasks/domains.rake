task check_domains: :environment do
  params = { apikey: ENV.fetch("DOMAINS_KEY") }
  response = Net::HTTP.get_response(URI("https://domains.example/api?#{params.to_query}"))
  # ok: ruby-log-injection-flow
  Rails.logger.info response.body
end
