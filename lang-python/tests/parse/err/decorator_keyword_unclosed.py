@d(def
