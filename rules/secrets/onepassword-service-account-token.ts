// ruleid: onepassword-service-account-token
export const credentials = { key: "ops_eyJ+vE5oM9zd08ACd6R5lsPKFmOI/Z6geOtoN2ZICWH1rxPWWPIWMU65ryj6gR8XlMnvyBsAPlBE0T/uPQFYtm4TZGd7TqIw8WcWlz3FQ3z9GUnOQVP9YDD8I0l2zi4Q5gj//3SVusJjsVlhm11QDfj7AeSUvUOwoa386x+AgNWfxJmR0Dyv2W7RI1VPh/5lSSIpH/yPsP8t8SXFmqTPTc3HqWZXQ1zpTdbuDmi36C+72z4SSVcOQ7DvMbilWE82IpVeectxQEiE4wqrs4GvqKh+dOvPABJnwHN1y3q9KPZIiMf" };
// ruleid: onepassword-service-account-token
export const credentials = { key: "ops_eyJcQQ3p9M3v9CA+kWwlK6IuwGFjKEs2KX5Zm5AxvaRAIV4CDDGPYt2dDBUJfcBnXKRfwLNi0dNHTbJ56CNDMLUlgR4Vh6pHeYBOgkaEtZ2ZdTQE7V5LzilXfUzH5fXvp0pWfjdVI1CeXFpRwk2wDSfNM1eZuQUabFMuZ2VdsX6nb5be6DNMgtP4js4iXe68LqrjmGF9bneHrrMwsWFvpxig/TXmSfJPirelUts7ISdOQM6dPT4lkvLXbr7jlwT4AE2EHAZhOkptnMi1cHvi612GBqX6C5M9DR+SNzWvO3rPtt4" };
// ok: onepassword-service-account-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: onepassword-service-account-token
export const credentials = { key: "ops_eyJH..." };
// ok: onepassword-service-account-token
export const credentials = { key: "ops_eyJHxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
