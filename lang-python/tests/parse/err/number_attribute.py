1.__class__
