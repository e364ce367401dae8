<?php
class TaskType extends AbstractType
{
    public function configureOptions(OptionsResolver $resolver): void
    {
        $resolver->setDefaults([
            'data_class' => Task::class,
            // ruleid: php-csrf-disabled
            'csrf_protection' => false,
        ]);
    }
}
// ruleid: php-csrf-disabled
$config['csrf_protection'] = FALSE;
// ok: php-csrf-disabled
$config['csrf_protection'] = TRUE;
// ok: php-csrf-disabled
$options = ['csrf_protection' => true, 'csrf_field_name' => '_token'];
