<?php
class LoginController
{
    public function login(Request $request)
    {
        $user = $request->input('user');
        // ruleid: php-log-injection
        syslog(LOG_WARNING, 'Login failed for ' . $user);
        // ok: php-log-injection
        $this->logger->warning('Login failed for ' . $user);
        // ruleid: php-log-injection
        error_log("bad token from " . $_SERVER['HTTP_USER_AGENT']);
        // ok: php-log-injection
        $this->logger->warning('Login failed for {user}', ['user' => $user]);
        // ok: php-log-injection
        error_log('login failed for ' . str_replace(["\r", "\n"], ' ', $user));
        // ok: php-log-injection
        Log::info('Login form shown');
    }
}
