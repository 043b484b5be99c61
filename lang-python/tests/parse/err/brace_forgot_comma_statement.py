e{ceyieldpt F:
