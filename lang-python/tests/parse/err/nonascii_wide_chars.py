lambda中'文😀'
