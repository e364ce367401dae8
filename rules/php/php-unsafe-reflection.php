<?php
class ExportController
{
    public function run(Request $request)
    {
        $type = $request->input('type');
        // ruleid: php-unsafe-reflection
        $exporter = new $type($request->input('opts'));
        $action = $_GET['action'];
        // ruleid: php-unsafe-reflection
        $this->$action();
        // ruleid: php-unsafe-reflection
        $out = array_map($_GET['fn'], [1, 2, 3]);
        $mode = $request->input('mode');
        if (!in_array($mode, ['csv', 'json'], true)) {
            abort(400);
        }
        // ok: php-unsafe-reflection
        $this->$mode();
        $class = PdfExport::class;
        // ok: php-unsafe-reflection
        $pdf = new $class();
        // ok: php-unsafe-reflection
        $trimmed = array_map('trim', $request->input('tags'));
        [$controller, $method] = explode('@', $request->route()->getActionName());
        // ok: php-unsafe-reflection
        $ref = new ReflectionClass($controller);
        return [$exporter, $out, $pdf, $trimmed, $ref];
    }
}
