<?php
function resume()
{
    if (isset($_GET['sid'])) {
        // ruleid: php-session-fixation
        session_id($_GET['sid']);
    }
    session_start();
    // ok: php-session-fixation
    session_regenerate_id(true);
    // ok: php-session-fixation
    $current = session_id();
    return $current;
}

class SsoController
{
    public function back(Request $request)
    {
        // ruleid: php-session-fixation
        $request->getSession()->setId($request->query->get('PHPSESSID'));
        // ok: php-session-fixation
        $request->getSession()->migrate(true);
    }
}

function keep_session()
{
    // ok: php-session-fixation
    session_id($_COOKIE[session_name()]);
    session_start();
}
