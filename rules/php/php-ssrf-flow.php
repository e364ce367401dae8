<?php
function preview()
{
    $url = $_GET['url'];
    $ch = curl_init();
    // ruleid: php-ssrf-flow
    curl_setopt($ch, CURLOPT_URL, $url);
    // ok: php-ssrf-flow
    curl_setopt($ch, CURLOPT_URL, "https://api.example.com/status");
    return curl_exec($ch);
}

class HookController
{
    public function send(Request $request)
    {
        $hook = $request->input('webhook');
        // ruleid: php-ssrf-flow
        return Http::post($hook, ['ok' => 1]);
    }

    public function checked(Request $request)
    {
        $hook = $request->input('webhook');
        if (!in_array(parse_url($hook, PHP_URL_HOST), ALLOWED_HOSTS, true)) {
            abort(400);
        }
        // ok: php-ssrf-flow
        return Http::post($hook, ['ok' => 1]);
    }
}
