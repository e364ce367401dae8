<?php
function login()
{
    $next = $_GET['next'];
    // ruleid: php-open-redirect
    header("Location: " . $next);
    // ok: php-open-redirect
    header("Content-Type: text/html; charset=" . $next);
    // ok: php-open-redirect
    header("Location: /home");
}

class SessionController
{
    public function done(Request $request)
    {
        $next = $request->query('next');
        if (!in_array($next, ['/home', '/account'], true)) {
            return redirect('/');
        }
        // ok: php-open-redirect
        return redirect($next);
    }

    public function go(Request $request)
    {
        // ruleid: php-open-redirect
        return redirect()->away($request->input('to'));
    }
}
