graph [
  node [ id 1 label "A" ]
  edge [ source 1 ]
  node [ label "no id" ]
  edge [ source 1 target 9 ]
]
