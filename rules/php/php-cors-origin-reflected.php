<?php
function api_headers()
{
    $origin = $_SERVER['HTTP_ORIGIN'];
    // ruleid: php-cors-origin-reflected
    header('Access-Control-Allow-Origin: ' . $origin);
    header('Access-Control-Allow-Credentials: true');
    $o = $_SERVER['HTTP_ORIGIN'] ?? '';
    if (!in_array($o, ['https://app.example.com'], true)) {
        return;
    }
    // ok: php-cors-origin-reflected
    header('Access-Control-Allow-Origin: ' . $o);
    // ok: php-cors-origin-reflected
    header('Access-Control-Allow-Origin: https://app.example.com');
}

class CorsMiddleware
{
    public function handle(Request $request, $next)
    {
        $response = $next($request);
        // ruleid: php-cors-origin-reflected
        $response->headers->set('Access-Control-Allow-Origin', $request->headers->get('Origin'));
        return $response;
    }
}
