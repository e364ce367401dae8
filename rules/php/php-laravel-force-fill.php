<?php
class ProfileController
{
    public function update(Request $request)
    {
        $user = $request->user();
        // ruleid: php-laravel-force-fill
        $user->forceFill($request->all())->save();
        // ruleid: php-laravel-force-fill
        User::forceCreate($request->input());
        // ok: php-laravel-force-fill
        $user->forceFill($request->validated())->save();
        // ok: php-laravel-force-fill
        $user->forceFill(['email_verified_at' => now()])->save();
        // ok: php-laravel-force-fill
        $user->forceFill($request->only(['name', 'email']))->save();
    }
}
