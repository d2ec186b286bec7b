a ,
