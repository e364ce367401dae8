<?php
function download()
{
    $name = $_GET['name'];
    // ruleid: php-header-injection
    header('Content-Disposition: attachment; filename="' . $name . '"');
    // ruleid: php-header-injection
    header("Content-Type: " . $_GET['type']);
    // ok: php-header-injection
    header('Content-Disposition: attachment; filename="' . basename($name) . '"');
    // ok: php-header-injection
    header('Content-Type: application/pdf');
    // ok: php-header-injection
    header('Location: /files/' . rawurlencode($name));
}

class FileController
{
    public function show(Request $request)
    {
        $response = new Response('ok');
        // ruleid: php-header-injection
        $response->headers->set('X-Trace', $request->headers->get('X-Trace'));
        // ok: php-header-injection
        $response->headers->set('Cache-Control', 'no-store');
        return $response;
    }
}

function not_found()
{
    // ok: php-header-injection
    header($_SERVER['SERVER_PROTOCOL'] . ' 404 Not Found');
}
