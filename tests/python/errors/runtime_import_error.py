# Uncaught ModuleNotFoundError for a missing module.
print('importing')
import module_that_does_not_exist
