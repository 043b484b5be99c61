glo*l_var += ,
